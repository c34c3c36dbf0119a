import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      totp_secret_enc text not null,
      totp_last_step bigint not null default 0,
      roles text[] not null,
      jurisdiction_level text not null check (jurisdiction_level in ('country', 'region', 'district', 'beat')),
      region_id text,
      district_id text,
      beat_id text,
      language text not null default 'kk' check (language in ('kk', 'ru', 'en')),
      disabled boolean not null default false,
      locked_until timestamptz,
      failures_reset_at timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index users_region_idx on users (region_id)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table login_attempts (
      id bigserial primary key,
      user_id uuid references users (id) on delete cascade,
      ip text not null,
      at timestamptz not null,
      success boolean not null
    )`.execute(db);
  await sql`create index login_attempts_user_idx on login_attempts (user_id, at)`.execute(db);
  await sql`create index login_attempts_ip_idx on login_attempts (ip, at) where not success`.execute(db);

  await sql`
    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('open311', 'device', 'partner')),
      name text not null,
      key_hash text not null unique,
      jurisdiction_level text not null default 'country',
      region_id text,
      district_id text,
      beat_id text,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
}
