import { sql, type Kysely } from 'kysely';

/**
 * How a recorded offence's investigation ended and on which day, for a clearance rate. Both null
 * until decided, both set after. The values are written out here rather than imported from
 * common/investigation-outcomes.ts: a shipped migration must not change when the list does. No
 * index: the reading query picks incidents by occurrence time, which 0005's indexes serve.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table incidents
      add column investigation_outcome text
        constraint incidents_investigation_outcome_check check (investigation_outcome in
          ('sent-to-court', 'ended-offender-identified', 'suspended-no-suspect', 'no-offence')),
      add column outcome_decided_on date,
      add constraint incidents_outcome_decided_check
        check ((investigation_outcome is null) = (outcome_decided_on is null))`.execute(db);
}
