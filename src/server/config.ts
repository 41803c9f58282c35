import { isIP } from 'node:net';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT } from '../core/organisation/password-rule.ts';
import { PDF_READERS, type PdfReaderChoice } from '../documents/ingest/source-document.ts';
import { SYNCHRONOUS_COMMIT_LEVELS, type SynchronousCommit } from '../store/dialect.ts';
import type { QueueSettings } from '../store/jobs/job-queue.ts';

/**
 * The settings of the document readers and renderers: part of the server's configuration, and
 * parsed on their own (loadDocumentsConfig) by the CLI commands that read or print documents.
 */
const documentsSchema = z.object({
  /** 'pdfjs': read every PDF with pdf.js instead of the fast reader. */
  GONGKAI_PDF_READER: z.enum(PDF_READERS).default('fast'),
  /** Chromium binary for PDF output; absent or empty: /usr/bin/chromium. */
  GONGKAI_CHROMIUM: z.string().optional(),
  /** A document read taking longer is abandoned (its reader process killed). */
  GONGKAI_READ_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Whole memory (RSS) of one reader process; over it the process is killed and the file refused. */
  GONGKAI_READ_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(384),
});

/**
 * The signed anchors of the audit chains (outside the database): read by the server (a daily
 * anchor) and by `gongkai audit` on its own (loadAuditAnchorConfig).
 */
const auditAnchorSchema = z.object({
  /** Ed25519 private key (PEM, `gongkai audit keygen`) in a file the database does not hold; absent: no anchors. */
  AUDIT_ANCHOR_KEY_FILE: z.string().optional(),
  /** The append-only anchors file (JSON lines). */
  AUDIT_ANCHOR_FILE: z.string().min(1).default('./data/audit-anchors.jsonl'),
  /** Hours between two anchors written by the server. */
  AUDIT_ANCHOR_INTERVAL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 31)
    .default(24),
});

/**
 * The job queue (long work: imports of many files), for the server and for `gongkai worker` /
 * `gongkai import`: parsed on its own by the CLI (loadJobsConfig).
 */
const jobsSchema = z.object({
  /** The server runs a worker of its own (false: only dedicated `gongkai worker` processes do the work). */
  JOBS_WORKER: z.enum(['true', 'false']).default('true'),
  /** Parts of jobs one worker process runs at once. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  /** A part running longer is taken for dead (its worker died) and run again, or the job fails. */
  JOBS_EXPIRE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600 - 1)
    .default(900),
  /** Runs of a failed or dead part after its first. */
  JOBS_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(2),
  /** How often dead parts are looked for (PostgreSQL). */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often an idle worker looks for work. */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(2),
});

export interface JobsConfig {
  jobWorker: boolean;
  jobQueue: QueueSettings;
}

function jobsConfigOf(c: z.infer<typeof jobsSchema>): JobsConfig {
  return {
    jobWorker: c.JOBS_WORKER === 'true',
    jobQueue: {
      expireSeconds: c.JOBS_EXPIRE_SECONDS,
      retryLimit: c.JOBS_RETRY_LIMIT,
      maintenanceSeconds: c.JOBS_MAINTENANCE_SECONDS,
      pollSeconds: c.JOBS_POLL_SECONDS,
      concurrency: c.JOBS_CONCURRENCY,
    },
  };
}

/**
 * Server configuration, parsed once at start-up from the environment (documented in
 * .env.example). Start-up fails listing every bad variable.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/gongkai.db'),
  /** PostgreSQL's synchronous_commit for this server's connections; absent: the database's own setting. */
  PG_SYNCHRONOUS_COMMIT: z.enum(SYNCHRONOUS_COMMIT_LEVELS).optional(),
  /** Password of the first administrator; when absent a one-time password is generated and printed. */
  GONGKAI_ADMIN_PASSWORD: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `管理员初始密码${PASSWORD_RULE_TEXT}` })
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  /**
   * Behind a reverse proxy: the proxy's addresses/CIDRs (comma-separated) or its hop count, whose
   * X-Forwarded-* are then believed (client addresses, secure cookies). Never "trust everyone".
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  /** Marks cookies Secure; set when the site is served over HTTPS. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines on a terminal, JSON lines otherwise (files, journald, log collectors). */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** A failed login (and a failed public tracking query) is answered no sooner than this. */
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Failed logins from one client address within LOGIN_IP_WINDOW_MINUTES before it gets 429. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
  LOGIN_IP_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** Online applications (public, no login) accepted from one client address per hour. */
  PUBLIC_APPLY_MAX_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Public tracking queries (tracking number + code, no login) answered per client address per hour. */
  PUBLIC_TRACK_MAX_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Documents the anonymous checker (POST /api/check/document) reads at once, one reader process each. */
  CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Checker documents waiting for a reader; one more is answered 429 with Retry-After. */
  CHECK_QUEUE_LENGTH: z.coerce.number().int().min(0).max(10_000).default(8),
  ...documentsSchema.shape,
  ...auditAnchorSchema.shape,
  ...jobsSchema.shape,
});

/** The named ranges Fastify's proxy-addr knows besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A reverse proxy's address: an IP, an IP/prefix or one of PROXY_RANGE_NAMES. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP =
  '请写反向代理自身的地址（如 127.0.0.1，或网段 10.0.0.0/8，多个以英文逗号分隔），或代理的层数（如 1）；不在代理之后则写 false';

/**
 * TRUST_PROXY as Fastify's `trustProxy`: false, a hop count (1–10), or the proxy's addresses.
 * "true" (trust every X-Forwarded-For, so any client could pick its own address) is refused: a
 * string is the Chinese reason.
 */
export function parseTrustProxy(value: string): false | number | string[] | string {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') {
    return `不能为 true（那样会相信客户端自己伪造的 X-Forwarded-For，登录限制和审计日志中的地址都可被冒充）：${TRUST_PROXY_HELP}`;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : `代理层数应为 1 至 10：${TRUST_PROXY_HELP}`;
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) return `“${bad.join('，')}”不是地址或网段：${TRUST_PROXY_HELP}`;
  return entries;
}

export type DocumentsConfig = Readonly<{
  pdfReader: PdfReaderChoice;
  /** Undefined: the renderer's default (/usr/bin/chromium). */
  chromiumPath: string | undefined;
  readTimeoutMs: number;
  readMemoryMb: number;
}>;

export type AuditAnchorConfig = Readonly<{
  /** Undefined: anchors not configured. */
  auditAnchorKeyFile: string | undefined;
  auditAnchorFile: string;
  auditAnchorIntervalMs: number;
}>;

export type Config = DocumentsConfig &
  AuditAnchorConfig &
  JobsConfig &
  Readonly<{
    port: number;
    host: string;
    databaseUrl: string;
    /** Undefined: the PostgreSQL server's (or role's) own synchronous_commit. */
    pgSynchronousCommit: SynchronousCommit | undefined;
    adminPassword: string | undefined;
    sessionTtlHours: number;
    /** Fastify's trustProxy: false, the proxy's hop count, or its addresses/CIDRs. */
    trustProxy: false | number | readonly string[];
    cookieSecure: boolean;
    logLevel: string;
    logFormat: 'auto' | 'pretty' | 'json';
    loginFailureDelayMs: number;
    loginIpMaxFailures: number;
    loginIpWindowMinutes: number;
    publicApplyMaxPerHour: number;
    publicTrackMaxPerHour: number;
    checkConcurrency: number;
    checkQueueLength: number;
  }>;

export class ConfigError extends Error {}

type Environment = Record<string, string | undefined>;

/** Parses the environment with `schema`; throws ConfigError listing every bad variable. */
function parseEnvironment<T extends z.ZodType>(schema: T, env: Environment): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}：${i.message}`);
    throw new ConfigError(`配置有误：\n${lines.join('\n')}`);
  }
  return result.data;
}

function documentsConfigOf(c: z.infer<typeof documentsSchema>): DocumentsConfig {
  return {
    pdfReader: c.GONGKAI_PDF_READER,
    chromiumPath: c.GONGKAI_CHROMIUM || undefined,
    readTimeoutMs: c.GONGKAI_READ_TIMEOUT_SECONDS * 1000,
    readMemoryMb: c.GONGKAI_READ_MEMORY_MB,
  };
}

/** The options of a document reader pool (ingest-pool.ts) under these settings. */
export function readerOptions(config: DocumentsConfig): {
  pdfReader: PdfReaderChoice;
  timeoutMs: number;
  maxMemoryMb: number;
} {
  return { pdfReader: config.pdfReader, timeoutMs: config.readTimeoutMs, maxMemoryMb: config.readMemoryMb };
}

/** The document settings alone (for the CLI); throws ConfigError listing every bad variable. */
export function loadDocumentsConfig(env: Environment = process.env): DocumentsConfig {
  return Object.freeze(documentsConfigOf(parseEnvironment(documentsSchema, env)));
}

function auditAnchorConfigOf(c: z.infer<typeof auditAnchorSchema>): AuditAnchorConfig {
  return {
    auditAnchorKeyFile: c.AUDIT_ANCHOR_KEY_FILE || undefined,
    auditAnchorFile: c.AUDIT_ANCHOR_FILE,
    auditAnchorIntervalMs: Math.round(c.AUDIT_ANCHOR_INTERVAL_HOURS * 3_600_000),
  };
}

/** The audit anchor settings alone (for the CLI); throws ConfigError listing every bad variable. */
export function loadAuditAnchorConfig(env: Environment = process.env): AuditAnchorConfig {
  return Object.freeze(auditAnchorConfigOf(parseEnvironment(auditAnchorSchema, env)));
}

/** The job settings alone (for the CLI); throws ConfigError listing every bad variable. */
export function loadJobsConfig(env: Environment = process.env): JobsConfig {
  return Object.freeze(jobsConfigOf(parseEnvironment(jobsSchema, env)));
}

/** GONGKAI_DEBUG: any non-empty value makes the CLI print the stack of an internal error (developers only). */
export function stackTracesWanted(env: Environment = process.env): boolean {
  return Boolean(env.GONGKAI_DEBUG);
}

export function loadConfig(env: Environment = process.env): Config {
  const c = parseEnvironment(configSchema, env);
  return Object.freeze({
    ...documentsConfigOf(c),
    ...auditAnchorConfigOf(c),
    ...jobsConfigOf(c),
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    pgSynchronousCommit: c.PG_SYNCHRONOUS_COMMIT,
    adminPassword: c.GONGKAI_ADMIN_PASSWORD,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    trustProxy: c.TRUST_PROXY,
    cookieSecure: c.COOKIE_SECURE === 'true',
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
    loginFailureDelayMs: c.LOGIN_FAILURE_DELAY_MS,
    loginIpMaxFailures: c.LOGIN_IP_MAX_FAILURES,
    loginIpWindowMinutes: c.LOGIN_IP_WINDOW_MINUTES,
    publicApplyMaxPerHour: c.PUBLIC_APPLY_MAX_PER_HOUR,
    publicTrackMaxPerHour: c.PUBLIC_TRACK_MAX_PER_HOUR,
    checkConcurrency: c.CHECK_CONCURRENCY,
    checkQueueLength: c.CHECK_QUEUE_LENGTH,
  });
}
