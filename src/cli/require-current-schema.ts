import type { StoreDb } from '../store/dialect.ts';
import { pendingMigrations } from '../store/migrations/pending-migrations.ts';
import { UsageError } from './exit.ts';

/** Refuses to work on a database whose schema is not current (the operator migrates explicitly). */
export async function requireCurrentSchema(db: StoreDb): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length > 0) {
    throw new UsageError(
      `数据库尚未迁移到最新结构（还有 ${pending.length} 项迁移），请先运行 gongkai db migrate`,
    );
  }
}
