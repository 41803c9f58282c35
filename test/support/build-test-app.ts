import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';

/** An app on an in-memory database, quiet, for `inject` tests. Close it after the test. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  return buildApp({ config: loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', ...env }) });
}
