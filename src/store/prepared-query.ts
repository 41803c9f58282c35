import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import { type DialectName, dialectOf } from './dialect.ts';
import { namedStatement } from './named-statements.ts';

/**
 * A query built and compiled once per dialect, then run with new parameters: for the statements
 * every request or every registration runs (the session, the audit chain, the register's inserts),
 * where building and compiling with Kysely costs several times what the database takes to run them.
 *
 * `build` is called once with a placeholder for each named parameter; each placeholder must end up
 * as a bound parameter of the query as it is (a value, never an identifier or a piece of SQL), and
 * the query's shape must not depend on the values. Parameters the query binds that are not named
 * (constants such as `limit 1`) keep the value they were compiled with.
 *
 * `onServer`: PostgreSQL also keeps the statement parsed and planned on each connection (see
 * namedStatement: only for a query whose result columns are listed, never `*`).
 */
export function preparedQuery<P extends object, R>(
  names: ReadonlyArray<keyof P & string>,
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
  options: { onServer?: boolean } = {},
): (db: Kysely<Database>, params: P) => Promise<R[]> {
  const compiled = new Map<DialectName, { sql: string; slots: Array<(params: P) => unknown> }>();
  const placeholder = (i: number) => `\u0000gongkai-parameter-${i}\u0000`;
  return async (db, params) => {
    const dialect = dialectOf(db);
    let entry = compiled.get(dialect);
    if (!entry) {
      const placeholders = Object.fromEntries(names.map((name, i) => [name, placeholder(i)])) as P;
      const query = build(db, placeholders).compile();
      const slots = query.parameters.map((value) => {
        const i = names.findIndex((_, j) => value === placeholder(j));
        if (i < 0) return () => value;
        const name = names[i]!;
        return (p: P) => p[name];
      });
      const bound = new Set(query.parameters);
      const missing = names.filter((_, i) => !bound.has(placeholder(i)));
      if (missing.length > 0) throw new Error(`preparedQuery: ${missing.join(', ')} not bound as parameters`);
      if (options.onServer && dialect === 'postgres') namedStatement(query.sql);
      entry = { sql: query.sql, slots };
      compiled.set(dialect, entry);
    }
    const { slots } = entry;
    const result = await db.executeQuery<R>(
      CompiledQuery.raw(
        entry.sql,
        slots.map((slot) => slot(params)),
      ),
    );
    return result.rows;
  };
}

/**
 * The columns of a row type, as the parameter names of a prepared insert of whole rows: the
 * compiler checks the list is complete, so a column added to the table type cannot be left out
 * of the statement unnoticed.
 */
export function columnsOf<T>(columns: Record<keyof T & string, true>): Array<keyof T & string> {
  return Object.keys(columns) as Array<keyof T & string>;
}
