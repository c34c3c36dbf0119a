import type { ColumnType, Generated } from 'kysely';

export interface DomainEventsTable {
  id: Generated<number>;
  type: string;
  region_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: Generated<Date>;
}

declare module '../db/tables.js' {
  interface Tables {
    domain_events: DomainEventsTable;
  }
}
