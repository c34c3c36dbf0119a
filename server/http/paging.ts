import { Type, type TSchema } from '@sinclair/typebox';
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
