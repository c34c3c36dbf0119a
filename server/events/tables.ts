import type { ColumnType, Generated } from 'kysely';

export interface DomainEventsTable {
  id: Generated<number>;
  type: string;
  region_id: string | null;
  district_id: string | null;
  beat_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: Generated<Date>;
  /** The writing transaction's id (xid8, as decimal text): readers take events in commit-safe order. */
  tx: ColumnType<string, never, never>;
}

declare module '../db/tables.js' {
  interface Tables {
    domain_events: DomainEventsTable;
  }
}
