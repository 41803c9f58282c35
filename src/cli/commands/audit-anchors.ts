import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadAuditAnchorConfig } from '../../server/config.ts';
import { openDatabase } from '../../store/dialect.ts';
import { generateAnchorKeyPair, readAnchorSigningKey } from '../../use-cases/audit/anchor-key.ts';
import { lineDigest, readAnchorLines } from '../../use-cases/audit/anchor-line.ts';
import { readAnchorsFile, writeAnchor } from '../../use-cases/audit/write-anchor.ts';
import { configOrUsageError, EXIT, UsageError } from '../exit.ts';
import { databaseUrlFromEnvironment, shownDatabaseUrl } from './db.ts';

type Env = Record<string, string | undefined>;

/** `gongkai audit keygen <file>`: a new Ed25519 key pair, the private key in `file` (0600), the public in `file.pub`. */
export function generateAnchorKey(file: string, write: (text: string) => void): number {
  const pair = generateAnchorKeyPair();
  try {
    writeFileSync(file, pair.privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(`${file}.pub`, pair.publicPem, { mode: 0o644, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `“${file}”或“${file}.pub”已存在，不覆盖`
        : `无法写入“${file}”（${code ?? '未知原因'}）`,
    );
  }
  write(
    [
      `已生成审计锚点签名密钥（Ed25519），密钥标识 ${pair.keyId}`,
      `  私钥：${file}（仅本服务可读；不要放在数据库服务器上，也不要与数据库备份放在一起）`,
      `  公钥：${file}.pub（交存档案部门，核对时用 gongkai audit verify --public-key）`,
      '  在服务的环境中设置 AUDIT_ANCHOR_KEY_FILE 为私钥的路径后，服务每天写一个锚点。',
      '公钥内容（请打印存档）：',
      pair.publicPem.trimEnd(),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** `gongkai audit anchor`: signs and appends an anchor of every chain's head now. */
export async function anchorNow(
  url: string,
  write: (text: string) => void,
  env: Env = process.env,
): Promise<number> {
  const config = configOrUsageError(() => loadAuditAnchorConfig(env));
  if (!config.auditAnchorKeyFile) {
    throw new UsageError(
      '未配置审计锚点签名私钥：请设置 AUDIT_ANCHOR_KEY_FILE（密钥用 gongkai audit keygen 生成）',
    );
  }
  const key = readAnchorSigningKey(config.auditAnchorKeyFile);
  const opened = openDatabase(url);
  try {
    const anchor = await writeAnchor(opened.db, key, config.auditAnchorFile, new Date());
    const entries = anchor.heads.reduce((n, h) => n + h.seq, 0);
    write(
      `已写入审计锚点：${anchor.at}，${anchor.heads.length} 条链共 ${entries} 条记录，密钥标识 ${anchor.keyId}\n` +
        `  锚点文件：${config.auditAnchorFile}\n  数据库：${shownDatabaseUrl(url)}\n`,
    );
    return EXIT.ok;
  } finally {
    await opened.close();
  }
}

/** The anchors file as plain text for the paper archive (`print`), or one line per anchor. */
export function describeAnchors(file: string, text: string, print: boolean, now: Date): string {
  const lines = readAnchorLines(text);
  const out = [`审计锚点文件：${file}，共 ${lines.length} 个锚点`];
  if (print) out.push(`打印时间：${now.toISOString()}`, '本行摘要即下一个锚点的“上一行摘要”（SHA-256）。');
  lines.forEach((read, i) => {
    const title = `第 ${i + 1} 个锚点（文件第 ${read.lineNumber} 行）`;
    if ('unreadable' in read) {
      out.push(
        print ? `\n${title}：无法读取（${read.unreadable}）` : `${title}：无法读取（${read.unreadable}）`,
      );
      return;
    }
    const { anchor } = read;
    if (!print) {
      out.push(
        `${title}：${anchor.at}  ${anchor.heads.length} 条链  密钥标识 ${anchor.keyId}  本行摘要 ${lineDigest(read.line)}`,
      );
      return;
    }
    const width = Math.max(...anchor.heads.map((h) => h.chain.length), 4);
    out.push(
      '',
      '='.repeat(72),
      title,
      `  时间：${anchor.at}`,
      `  签名密钥标识：${anchor.keyId}`,
      `  上一行摘要：${anchor.prev}`,
      `  本行摘要：${lineDigest(read.line)}`,
      `  链头（链、最后一条的序号、其哈希）：`,
      ...anchor.heads.map((h) => `    ${h.chain.padEnd(width)}  第 ${h.seq} 条  ${h.hash}`),
      `  签名：${anchor.signature}`,
    );
  });
  return `${out.join('\n')}\n`;
}

export function registerAuditAnchors(audit: Command): void {
  audit
    .command('anchor')
    .description('立即为每条审计链的链头签名，写入锚点文件（AUDIT_ANCHOR_KEY_FILE、AUDIT_ANCHOR_FILE）')
    .action(async () => {
      process.exitCode = await anchorNow(databaseUrlFromEnvironment(), (t) => process.stdout.write(t));
    });
  audit
    .command('anchors')
    .description('列出锚点文件中的锚点；--print 输出可打印存档的全文')
    .option('--anchors <file>', '锚点文件（默认取 AUDIT_ANCHOR_FILE）')
    .option('--print', '输出每个锚点的全部内容（链头、哈希、签名），供打印存档')
    .action((options: { anchors?: string; print?: boolean }) => {
      const file = options.anchors ?? configOrUsageError(() => loadAuditAnchorConfig()).auditAnchorFile;
      process.stdout.write(describeAnchors(file, readAnchorsFile(file), options.print ?? false, new Date()));
    });
  audit
    .command('keygen')
    .description('生成审计锚点签名密钥（Ed25519）：私钥写入 <file>，公钥写入 <file>.pub')
    .argument('<file>', '私钥文件（不覆盖已有文件）')
    .action((file: string) => {
      process.exitCode = generateAnchorKey(file, (t) => process.stdout.write(t));
    });
}
