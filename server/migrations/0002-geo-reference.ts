import type { Kysely } from 'kysely';

// Placeholder: the geo module's reference tables are being written.
export async function up(_db: Kysely<unknown>): Promise<void> {}
