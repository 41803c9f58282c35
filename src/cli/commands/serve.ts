import type { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import { ROLE_LABELS } from '../../core/organisation/role.ts';
import type { Config } from '../../server/config.ts';
import type { StoreDb } from '../../store/dialect.ts';
import type { DemoSummary } from '../demo/load-demo.ts';
import { configOrUsageError } from '../exit.ts';

/** First start on an empty database: the administrator, and its one-time password printed once. */
async function bootstrapAdministrator(db: StoreDb, password: string | undefined): Promise<string> {
  const { ensureAdministrator } = await import('../../server/bootstrap/ensure-admin.ts');
  const result = await ensureAdministrator(db, password, new Date());
  if (!result.created) return '';
  if (result.generatedPassword === null) {
    return `已创建系统管理员 ${result.username}，密码为 GONGKAI_ADMIN_PASSWORD 的值。\n`;
  }
  // Framed, so it stands out among the log lines of the start.
  const rule = '='.repeat(64);
  return [
    '',
    rule,
    `  已创建系统管理员：用户名 ${result.username}`,
    `  一次性密码：${result.generatedPassword}`,
    '  该密码只显示这一次，请立即记下。在网页“工作人员登录”后按提示修改密码',
    '  （API：POST /api/auth/password），修改前不能使用其他功能。',
    rule,
    '',
    '',
  ].join('\n');
}

/** The daily signed anchor of the audit chains, when AUDIT_ANCHOR_KEY_FILE is set. Returns its stop. */
async function startAuditAnchors(db: StoreDb, config: Config, log: FastifyBaseLogger): Promise<() => void> {
  if (!config.auditAnchorKeyFile) return () => {};
  const [{ readAnchorSigningKey }, { scheduleAuditAnchors }] = await Promise.all([
    import('../../use-cases/audit/anchor-key.ts'),
    import('../../server/audit-anchor-schedule.ts'),
  ]);
  return scheduleAuditAnchors({
    db,
    key: readAnchorSigningKey(config.auditAnchorKeyFile),
    file: config.auditAnchorFile,
    intervalMs: config.auditAnchorIntervalMs,
    onWritten: (a) =>
      log.info({ at: a.at, chains: a.heads.length, file: config.auditAnchorFile }, '已写入审计锚点'),
    onError: (error) => log.error({ err: error }, '写审计锚点失败'),
  });
}

function describeDemo(demo: DemoSummary): string {
  const lines = [
    `演示数据已就绪（本次新增申请 ${demo.applicationsCreated} 件）。演示账户的密码均为：${demo.password}`,
    ...demo.users.map(
      (u) => `  ${u.username.padEnd(18)} ${u.displayName}  ${ROLE_LABELS[u.role]}  ${u.scope}`,
    ),
    '  演示账户的密码是公开的，请勿在正式环境中使用 --demo。',
    '',
  ];
  return lines.join('\n');
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务（API 与网页）；配置见 .env.example')
    .option('--port <port>', '监听端口（默认取环境变量 PORT，或 8080）')
    .option(
      '--demo',
      '载入演示数据（宁夏回族自治区 → 中卫市 → 沙坡头区的机关、各角色用户和一年的申请；可重复执行）',
    )
    .action(async (options: { port?: string; demo?: boolean }) => {
      // The server is loaded only when it is started: every other command starts in a fraction of the time.
      const [{ buildApp }, { loadConfig }, { loadDemo }] = await Promise.all([
        import('../../server/app.ts'),
        import('../../server/config.ts'),
        import('../demo/load-demo.ts'),
      ]);
      const config = configOrUsageError(() =>
        loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) }),
      );
      const app = await buildApp({ config, logger: true });
      const stopAnchors = await startAuditAnchors(app.db, config, app.log);
      const stop = async () => {
        stopAnchors();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdout.write(await bootstrapAdministrator(app.db, config.adminPassword));
      if (options.demo) process.stdout.write(describeDemo(await loadDemo(app.db, new Date())));
      await app.listen({ port: config.port, host: config.host });
      process.stdout.write(
        `gongkai 已启动：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/  （API 文档：/api/docs）\n`,
      );
    });
}
