import { ConfigError, type DocumentsConfig, loadDocumentsConfig } from '../server/config.ts';
import { UsageError } from './exit.ts';

/**
 * GONGKAI_PDF_READER and GONGKAI_CHROMIUM, parsed by the server configuration's own schema; a bad
 * value is a usage error listing it.
 */
export function documentsConfig(env: Record<string, string | undefined> = process.env): DocumentsConfig {
  try {
    return loadDocumentsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
