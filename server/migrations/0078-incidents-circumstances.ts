import { sql, type Kysely } from 'kysely';

/**
 * What staff record about an incident once it is known, for the National Report: the victim's
 * sex and age band, the suspect's age band and state, the kind of place. Bands, never dates of
 * birth. Null is "not recorded". The values are written out here rather than imported from
 * common/incident-circumstances.ts: a shipped migration must not change when the list does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table incidents
      add column victim_sex text
        constraint incidents_victim_sex_check check (victim_sex in ('female', 'male')),
      add column victim_age_band text
        constraint incidents_victim_age_band_check check (victim_age_band in ('under-14', '14-17', '18-64', '65-plus')),
      add column offender_age_band text
        constraint incidents_offender_age_band_check check (offender_age_band in ('under-14', '14-17', '18-64', '65-plus')),
      add column offender_intoxication text
        constraint incidents_offender_intoxication_check check (offender_intoxication in ('alcohol', 'drugs', 'none')),
      add column place_type text
        constraint incidents_place_type_check check (place_type in ('home', 'street', 'park', 'public-transport',
          'shop-or-mall', 'market', 'entertainment-venue', 'education', 'workplace', 'online', 'other')),
      add column circumstances_recorded_at timestamptz`.execute(db);
}
