import type { StoreDb } from '../../src/store/dialect.ts';
import * as appendOnly from '../../src/store/migrations/2026-11-22-010-audit-log-append-only.ts';

/**
 * What someone with the database owner's rights could do: drop the append-only triggers, rewrite
 * the stored "after" of one audit entry, and put the triggers back.
 */
export async function tamperWithAuditEntry(db: StoreDb, seq: number, afterJson: string): Promise<void> {
  await appendOnly.down(db);
  try {
    await db.updateTable('audit_log').set({ after_json: afterJson }).where('seq', '=', seq).execute();
  } finally {
    await appendOnly.up(db);
  }
}
