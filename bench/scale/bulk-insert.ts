/**
 * Bulk loading for the scale bench's fixture, straight into the tables (not a use-case path): on
 * SQLite one prepared INSERT run in a transaction per batch (better-sqlite3, a connection of its
 * own to the file); on PostgreSQL one `INSERT … SELECT FROM unnest($1::text[], …)` per batch of
 * 10,000 rows (arrays as parameters: a single statement whatever the number of rows).
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

export type ColumnType = 'text' | 'int' | 'float';
export type Columns = ReadonlyArray<readonly [name: string, type: ColumnType]>;
export type Row = ReadonlyArray<string | number | null>;

export interface BulkSink {
  insert(table: string, columns: Columns, rows: readonly Row[]): Promise<void>;
  /** Planner statistics, as a database in service has them (autovacuum / PRAGMA optimize). */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

export function sqliteSink(filename: string): BulkSink {
  const db = new SqliteDatabase(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.map((c) => c[0]).join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `insert into ${table} (${columns.map((c) => c[0]).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        );
        statements.set(key, statement);
      }
      const s = statement;
      db.transaction(() => {
        for (const row of rows) s.run(...row);
      })();
    },
    async analyze() {
      db.exec('analyze');
    },
    async close() {
      db.close();
    },
  };
}

export async function postgresSink(connectionString: string): Promise<BulkSink> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query('set synchronous_commit = off');
  return {
    async insert(table, columns, rows) {
      for (let start = 0; start < rows.length; start += 10_000) {
        const batch = rows.slice(start, start + 10_000);
        const arrays = columns.map((_, c) => batch.map((row) => row[c] ?? null));
        const sqlType = { int: 'integer', float: 'double precision', text: 'text' } as const;
        const unnest = columns.map(([, type], c) => `$${c + 1}::${sqlType[type]}[]`);
        await client.query(
          `insert into ${table} (${columns.map((c) => c[0]).join(', ')}) select * from unnest(${unnest.join(', ')})`,
          arrays,
        );
      }
    },
    async analyze() {
      await client.query('analyze');
    },
    async close() {
      await client.end();
    },
  };
}
