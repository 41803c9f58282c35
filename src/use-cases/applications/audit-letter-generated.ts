import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';

/** What identifies a generated letter (告知书): the letter itself holds the personal data. */
export interface GeneratedLetter {
  kind: string;
  format: string;
  documentNumber: string;
  /** The letter's date. */
  date: string;
}

/** Audits that a letter was generated for an application, in the agency's chain. */
export async function auditLetterGenerated(
  db: StoreDb,
  application: { agencyId: string; id: string },
  letter: GeneratedLetter,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      agencyId: application.agencyId,
      at: now,
      actor,
      entity: 'application',
      entityId: application.id,
      action: 'letter.generated',
      before: null,
      after: letter,
    }),
  );
}
