import type pg from 'pg';

/**
 * SQL texts PostgreSQL keeps parsed and planned on each connection (named prepared statements)
 * instead of parsing and planning them at every execution: the statements of every registration,
 * one text whatever the number of rows. Only for statements whose result columns are listed (no
 * `*`): a prepared statement whose result columns change under it (a migration adding a column)
 * fails until the connection ends.
 */
const names = new Map<string, string>();

/** Registers `text` to be run as a named prepared statement on PostgreSQL; returns it. */
export function namedStatement(text: string): string {
  if (!names.has(text)) names.set(text, `gongkai_${names.size + 1}`);
  return text;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Makes a pg client run the registered texts as named prepared statements (Kysely calls
 * `client.query(text, values)`; pg prepares a named statement on its first use on a connection).
 */
export function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? names.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  }) as never;
}
