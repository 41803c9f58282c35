import type { StoreDb } from '../store/dialect.ts';
import type { AnchorSigningKey } from '../use-cases/audit/anchor-key.ts';
import type { Anchor } from '../use-cases/audit/anchor-line.ts';
import { writeAnchorIfDue } from '../use-cases/audit/write-anchor.ts';

export interface AuditAnchorScheduleOptions {
  db: StoreDb;
  key: AnchorSigningKey;
  file: string;
  /** An anchor is written when the file's newest is this old (AUDIT_ANCHOR_INTERVAL_HOURS). */
  intervalMs: number;
  onWritten(anchor: Anchor): void;
  onError(error: unknown): void;
}

/**
 * The server's anchors: at start and then every hour (or every interval, if shorter), writes an
 * anchor when the newest in the file is older than the interval — so restarts neither skip a day
 * nor add anchors. One server process; several instances on one database each write their own
 * (harmless: each anchor is signed and linked), until a run-once-across-instances job replaces this.
 * Returns the function that stops it.
 */
export function scheduleAuditAnchors(options: AuditAnchorScheduleOptions): () => void {
  const tick = () => {
    writeAnchorIfDue(options.db, options.key, options.file, new Date(), options.intervalMs).then(
      (anchor) => anchor && options.onWritten(anchor),
      options.onError,
    );
  };
  tick();
  const timer = setInterval(tick, Math.min(options.intervalMs, 3_600_000));
  timer.unref();
  return () => clearInterval(timer);
}
