/**
 * The database's table types. Each module adds its own tables to `Tables` by declaration
 * merging in its `tables.ts`, so a module's tables stay its own while Kysely sees one schema.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}
