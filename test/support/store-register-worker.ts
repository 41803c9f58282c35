/**
 * A second process registering applications into the same SQLite file, for the test that several
 * instances on one file never hand out the same tracking number:
 *   node --import tsx test/support/store-register-worker.ts <database-url> <agency-id> <count>
 * Prints the tracking numbers it got, as JSON, on stdout.
 */
import { openDatabase } from '../../src/store/dialect.ts';
import { registerTestApplication } from './store-factories.ts';

const [url, agencyId, count] = process.argv.slice(2);
if (!url || !agencyId || !count) throw new Error('usage: store-register-worker.ts <url> <agency-id> <count>');
const { db, close } = openDatabase(url, { busyTimeoutMs: 30_000 });
const numbers: string[] = [];
try {
  for (let i = 0; i < Number(count); i += 1) {
    const { application } = await registerTestApplication(db, agencyId);
    numbers.push(application.trackingNumber);
  }
} finally {
  await close();
}
process.stdout.write(JSON.stringify(numbers));
