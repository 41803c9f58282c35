import { IngestWorker } from '../documents/ingest/ingest-pool.ts';
import { type DocumentsConfig, loadDocumentsConfig, readerOptions } from '../server/config.ts';
import { configOrUsageError } from './exit.ts';

/**
 * The reader processes of a command (one at a time, so that a batch reads in order), with the
 * configured PDF reader, time and memory limits.
 */
export function documentReader(config: DocumentsConfig = documentsConfig()): IngestWorker {
  return new IngestWorker({ ...readerOptions(config), concurrency: 1 });
}

/**
 * GONGKAI_PDF_READER, GONGKAI_CHROMIUM and the read limits, parsed by the server configuration's own schema; a bad
 * value is a usage error listing it.
 */
export function documentsConfig(env: Record<string, string | undefined> = process.env): DocumentsConfig {
  return configOrUsageError(() => loadDocumentsConfig(env));
}
