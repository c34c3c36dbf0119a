import { Type, type TSchema } from '@sinclair/typebox';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from './errors.js';

export const Cursor = Type.Optional(Type.String({ maxLength: 200, description: 'from nextCursor of the previous page' }));
export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** Opaque cursors: base64url JSON of the last row's sort key; a damaged cursor is a 400. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    // fall through to the refusal below
  }
  throw new AppError('request.invalid', { detail: 'cursor' });
}

/**
 * Keyset paging newest first on (time, id), as incident-like lists order: the condition for the
 * rows after the cursor, or null on the first page. The row comparison is what `order by time
 * desc, id desc` means, so ties on time never skip or repeat a row.
 */
export function olderThanCursor(cursor: string | undefined, timeColumn: string, idColumn: string): RawBuilder<SqlBool> | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const at = new Date(String(after[0]));
  if (Number.isNaN(at.getTime()) || typeof after[1] !== 'string') throw new AppError('request.invalid', { detail: 'cursor' });
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${at}::timestamptz, ${after[1]}::uuid)`;
}

/** One page from rows fetched with `limit + 1`, and the cursor after its last row when more follow. */
export function newestFirstPage<T>(rows: T[], limit: number, key: (row: T) => { at: Date; id: string }) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([key(last).at.toISOString(), key(last).id]) : null;
  return { items, nextCursor };
}
