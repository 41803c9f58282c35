import type { Transaction } from 'kysely';
import type { DisclosureAttribute } from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import type { Database } from '../database.ts';

/**
 * Recomputes the stored art. 26 due day (a derived column) of every item created from December
 * of the year before `year` on, after the holiday calendar changed. Returns how many changed.
 */
export async function refreshDisclosureDueDays(
  trx: Transaction<Database>,
  year: number,
  today: string,
): Promise<number> {
  const rows = await trx
    .selectFrom('disclosures')
    .select(['id', 'attribute', 'created_on', 'published_on', 'due_on'])
    .where('created_on', '>=', `${year - 1}-11-01`)
    .where('created_on', '<=', `${year}-12-31`)
    .execute();
  let changed = 0;
  for (const row of rows) {
    const { dueOn } = disclosureDeadline(
      {
        attribute: row.attribute as DisclosureAttribute,
        createdOn: row.created_on,
        publishedOn: row.published_on,
      },
      today,
    );
    if (dueOn === row.due_on) continue;
    await trx.updateTable('disclosures').set({ due_on: dueOn }).where('id', '=', row.id).execute();
    changed += 1;
  }
  return changed;
}
