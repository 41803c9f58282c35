import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { momentOf } from '../core/moment.ts';
import { type OpenedDatabase, openDatabase, type StoreDb } from '../store/dialect.ts';
import { migrateToLatest } from '../store/migrations/migrate.ts';
import { activateStoredCalendar } from '../use-cases/calendar/load-holiday-calendar.ts';
import { refreshOpenDeadlines } from '../use-cases/calendar/refresh-open-deadlines.ts';
import type { Config } from './config.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerCalendarSync } from './plugins/calendar-sync.ts';
import { registerCalendarWatch } from './plugins/calendar-watch.ts';
import { registerClock } from './plugins/clock.ts';
import { registerErrorHandling } from './plugins/error-handling.ts';
import { registerJobs } from './plugins/jobs.ts';
import { registerJsonHardening } from './plugins/json-hardening.ts';
import { responseSerializerCompiler } from './plugins/response-serializer.ts';
import { registerScheduledWork } from './plugins/scheduled-work.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerUnicodeInput } from './plugins/unicode-input.ts';
import { registerChineseValidation } from './plugins/validation.ts';
import { registerWeb } from './plugins/web.ts';
import { registerApplicationRoutes } from './routes/applications/applications.routes.ts';
import { registerAuthRoutes } from './routes/auth/auth.routes.ts';
import { registerCalendarRoutes } from './routes/calendar/calendar.routes.ts';
import { registerCaseRoutes } from './routes/cases/cases.routes.ts';
import { registerCheckRoutes } from './routes/check/check.routes.ts';
import { registerDisclosureRoutes } from './routes/disclosures/disclosures.routes.ts';
import { registerExportRoutes } from './routes/exports/exports.routes.ts';
import { registerHealthRoutes } from './routes/health/health.routes.ts';
import { registerImportRoutes } from './routes/imports/imports.routes.ts';
import { registerLetterRoutes } from './routes/letters/letters.routes.ts';
import { registerOrganisationRoutes } from './routes/organisation/organisation.routes.ts';
import { registerPublicRoutes } from './routes/public/public.routes.ts';
import { registerRegionRoutes } from './routes/region/region.routes.ts';
import { registerReportRoutes } from './routes/reports/reports.routes.ts';
import { registerTable2Routes } from './routes/table2-sources/table2.routes.ts';
import { registerTokenRoutes } from './routes/tokens/tokens.routes.ts';
import { registerUserRoutes } from './routes/users/users.routes.ts';
import { registerWorkRecordRoutes } from './routes/work-records/work-records.routes.ts';

export interface AppOptions {
  config: Config;
  /** Logs to stdout when true (the server); tests keep quiet. */
  logger?: boolean;
  /** An already opened database (tests share one); otherwise DATABASE_URL is opened and migrated. */
  database?: OpenedDatabase;
  /** The clock routes read "now" from (default `new Date()`); tests fix the date with it. */
  now?: () => Date;
  /** The built web application (default dist/web); tests point it elsewhere. */
  webRoot?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The store: pass it (or a transaction) as the first argument of repository functions. */
    db: StoreDb;
    dialect: 'sqlite' | 'postgres';
    config: Config;
  }
}

/** JSON bodies are small; documents are uploaded as raw bytes up to the ingest limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Pino's options: JSON lines for machines, or readable lines (pino-pretty, in a worker thread) when
 * LOG_FORMAT=pretty, or auto on a terminal.
 */
function loggerOptions(config: Config) {
  const pretty =
    config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!pretty) return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: {
      target: 'pino-pretty',
      options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true },
    },
  };
}

/** TRUST_PROXY for Fastify: a hop count as the function Fastify itself makes of one (its types lack the number). */
function fastifyTrustProxy(
  trust: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/**
 * The server is a factory: everything it needs comes in through `options`, nothing is global, so
 * tests build as many apps as they like and call them with `inject`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.config) : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  const database =
    options.database ??
    openDatabase(options.config.databaseUrl, {
      ...(options.config.pgSynchronousCommit
        ? { synchronousCommit: options.config.pgSynchronousCommit }
        : {}),
    });
  if (!options.database) {
    // The app owns a database it opened: migrate it now, close it with the app.
    await migrateToLatest(database.db);
    app.addHook('onClose', async () => database.close());
  }
  // The working-day calendar of this process: the built-in and the stored holiday arrangements;
  // stored due days from before it (null where a year was refused) brought in line.
  await activateStoredCalendar(database.db);
  await database.db
    .transaction()
    .execute((trx) => refreshOpenDeadlines(trx, momentOf(options.now?.() ?? new Date())));
  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', options.config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);
  registerChineseValidation(app);
  registerClock(app, options.now);
  registerCalendarWatch(app);
  registerCalendarSync(app);
  registerScheduledWork(app);
  registerJobs(app, database);
  registerJsonHardening(app);
  registerSecurityHeaders(app);
  registerUnicodeInput(app);
  await registerAuth(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'gongkai 公开 API',
        description: '政府信息公开：依申请公开办理、年度报告生成与核查。错误响应统一为 { code, message }。',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(registerHealthRoutes, { prefix: '/api' });
  await app.register(registerCheckRoutes, { prefix: '/api' });
  await app.register(registerAuthRoutes, { prefix: '/api' });
  await app.register(registerTokenRoutes, { prefix: '/api' });
  await app.register(registerOrganisationRoutes, { prefix: '/api' });
  await app.register(registerUserRoutes, { prefix: '/api' });
  await app.register(registerCalendarRoutes, { prefix: '/api' });
  await app.register(registerApplicationRoutes, { prefix: '/api' });
  await app.register(registerLetterRoutes, { prefix: '/api' });
  await app.register(registerDisclosureRoutes, { prefix: '/api' });
  await app.register(registerTable2Routes, { prefix: '/api' });
  await app.register(registerCaseRoutes, { prefix: '/api' });
  await app.register(registerPublicRoutes, { prefix: '/api' });
  await app.register(registerReportRoutes, { prefix: '/api' });
  await app.register(registerImportRoutes, { prefix: '/api' });
  await app.register(registerRegionRoutes, { prefix: '/api' });
  await app.register(registerExportRoutes, { prefix: '/api' });
  await app.register(registerWorkRecordRoutes, { prefix: '/api' });
  await registerWeb(app, options.webRoot);
  return app;
}
