import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { getAuditEntry, verifyAuditChain } from '../../store/audit/audit.repository.ts';
import { openDatabase, parseDatabaseUrl } from '../../store/dialect.ts';
import { EXIT, UsageError } from '../exit.ts';
import { databaseUrlFromEnvironment, shownDatabaseUrl } from './db.ts';

/**
 * `gongkai audit verify`: walks the hash chain of the audit log. Exit 0 when every entry follows
 * from the ones before it; exit 1 naming the first entry that does not (altered, removed or
 * inserted). Removing the last entries leaves a valid, shorter chain: compare the count printed
 * with one kept elsewhere.
 */
export async function verifyAudit(url: string, write: (text: string) => void): Promise<number> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite' && target.filename !== ':memory:' && !existsSync(target.filename)) {
    throw new UsageError(`数据库文件“${target.filename}”不存在（DATABASE_URL=${url}）`);
  }
  const opened = openDatabase(url);
  try {
    const result = await verifyAuditChain(opened.db);
    if (result.ok) {
      write(`审计日志完整：${result.entries} 条\n`);
      return EXIT.ok;
    }
    const seq = result.firstBadSeq!;
    const entry = await getAuditEntry(opened.db, seq);
    write(
      `审计日志不完整：第 ${seq} 条与之前的记录对不上（被修改、删除或插入），已核对 ${result.entries} 条\n`,
    );
    if (entry) {
      write(
        `  第 ${seq} 条：${entry.at}  ${entry.actor.label}  ${entry.entity} ${entry.entityId}  ${entry.action}\n`,
      );
    }
    write(`  数据库：${shownDatabaseUrl(url)}\n`);
    return EXIT.findings;
  } finally {
    await opened.close();
  }
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志（数据库地址取环境变量 DATABASE_URL）');
  audit
    .command('verify')
    .description('核对审计日志的哈希链：完整则退出码 0，否则指出第一条有问题的记录，退出码 1')
    .action(async () => {
      process.exitCode = await verifyAudit(databaseUrlFromEnvironment(), (t) => process.stdout.write(t));
    });
}
