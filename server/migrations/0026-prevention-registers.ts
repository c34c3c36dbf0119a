import { sql, type Kysely } from 'kysely';

/**
 * Preventive registers: people under preventive supervision, juveniles and families in
 * difficulty, each on a legal basis with a start, a review and an end day (common/register-kinds.ts
 * says how long each basis allows). Who the entry is about — name, IIN, address, phone, the point
 * of the home on the inspector's map — and every free text is field-encrypted; the IIN also has
 * a keyed hash. When an entry ends those columns are emptied and only the kind, the days and the
 * place's district and beat stay, for statistics. Planned visits and contacts and the reviews
 * of an entry live beside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence prevention_register_number_seq`.execute(db);
  await sql`
    create table prevention_register_entries (
      id uuid primary key default gen_random_uuid(),
      entry_number text not null unique,
      kind text not null,
      legal_basis text not null,
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      status text not null default 'active' check (status in ('active', 'closed')),
      name_enc text,
      iin_enc text,
      iin_hash text,
      address_enc text,
      phone_enc text,
      location_enc text,
      decision_enc text,
      start_date date not null,
      review_date date not null,
      end_date date not null,
      responsible_officer_id uuid,
      partner_agency text,
      review_flagged_on date,
      closed_at timestamptz,
      close_reason text check (close_reason in ('expired', 'review')),
      anonymised_at timestamptz,
      created_by uuid not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (responsible_officer_id is not null or partner_agency is not null),
      check (start_date <= review_date and review_date <= end_date),
      check ((status = 'closed') = (closed_at is not null))
    )`.execute(db);
  await sql`create index prevention_register_entries_place_idx on prevention_register_entries (region_id, district_id, beat_id, status)`.execute(
    db,
  );
  await sql`create index prevention_register_entries_officer_idx on prevention_register_entries (responsible_officer_id) where status = 'active'`.execute(
    db,
  );
  await sql`create index prevention_register_entries_end_idx on prevention_register_entries (end_date) where status = 'active'`.execute(
    db,
  );
  await sql`create index prevention_register_entries_updated_idx on prevention_register_entries (updated_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table prevention_register_contacts (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references prevention_register_entries (id),
      region_id text not null,
      kind text not null,
      due_date date not null,
      planned_by uuid not null,
      planned_at timestamptz not null,
      outcome text,
      outcome_note_enc text,
      done_at timestamptz,
      recorded_by uuid,
      check ((outcome is null) = (done_at is null))
    )`.execute(db);
  await sql`create index prevention_register_contacts_entry_idx on prevention_register_contacts (entry_id, due_date)`.execute(db);
  await sql`create index prevention_register_contacts_due_idx on prevention_register_contacts (due_date) where done_at is null`.execute(
    db,
  );

  await sql`
    create table prevention_register_reviews (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references prevention_register_entries (id),
      region_id text not null,
      decision text not null check (decision in ('extend', 'close')),
      previous_end_date date not null,
      end_date date not null,
      review_date date,
      reason_enc text,
      decided_by uuid not null,
      decided_at timestamptz not null
    )`.execute(db);
  await sql`create index prevention_register_reviews_entry_idx on prevention_register_reviews (entry_id, decided_at)`.execute(db);
}
