// The database helpers every module leans on (issue 11.2): one name for "a connection or a
// transaction", and one reader for jsonb values.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/** What a repository function runs on: the app's connection, or the transaction of the command that calls it. */
export type Db = Kysely<DB> | Transaction<DB>;

/**
 * A jsonb column's value as the code uses it. Both drivers parse jsonb they return, but a value
 * that comes back through a raw `sql` expression, a text cast or a COPY row is still JSON text, so
 * a string is parsed; anything else is already the value.
 */
export const readJsonb = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A jsonb array column: the parsed array, or an empty one where the value is null or not an array. */
export function readJsonbArray<T>(v: unknown): T[] {
  const parsed = readJsonb<unknown>(v);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}
