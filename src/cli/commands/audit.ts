import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadAuditAnchorConfig } from '../../server/config.ts';
import { getAuditEntry } from '../../store/audit/audit.repository.ts';
import { type AuditVerification, verifyAuditChain } from '../../store/audit/verify-audit-chains.ts';
import { openDatabase, parseDatabaseUrl, type StoreDb } from '../../store/dialect.ts';
import { getAgency } from '../../store/organisation/organisation.repository.ts';
import { readAnchorPublicKey, readAnchorSigningKey } from '../../use-cases/audit/anchor-key.ts';
import { type AnchorFinding, checkAuditAnchors } from '../../use-cases/audit/check-anchors.ts';
import { readAnchorsFile } from '../../use-cases/audit/write-anchor.ts';
import { configOrUsageError, EXIT, UsageError } from '../exit.ts';
import { registerAuditAnchors } from './audit-anchors.ts';
import { databaseUrlFromEnvironment, shownDatabaseUrl } from './db.ts';

export interface VerifyAuditOptions {
  /** The anchors file; default AUDIT_ANCHOR_FILE when AUDIT_ANCHOR_KEY_FILE is set. */
  anchors?: string;
  /** The public key; default the public half of AUDIT_ANCHOR_KEY_FILE. */
  publicKey?: string;
  env?: Record<string, string | undefined>;
}

/** A chain as a reader knows it: the agency's name after its key. */
export async function describeChain(db: StoreDb, chain: string): Promise<string> {
  if (!chain.startsWith('agency:')) return `链 ${chain}`;
  const agency = await getAgency(db, chain.slice('agency:'.length));
  return `链 ${chain}（${agency?.name ?? '机关已不存在'}）`;
}

async function writeChainResult(
  db: StoreDb,
  result: AuditVerification,
  write: (text: string) => void,
): Promise<void> {
  if (result.ok) {
    write(`审计日志完整：${result.chains} 条链，共 ${result.entries} 条\n`);
    return;
  }
  const { chain, seq, problem } = result.firstBad!;
  const name = await describeChain(db, chain);
  if (problem === 'head') {
    write(
      `审计日志不完整：${name} 的链头记录到第 ${seq} 条，与链中最后一条记录不符（最新的记录被删除，或链头被改动），已核对 ${result.entries} 条\n`,
    );
    return;
  }
  write(
    `审计日志不完整：${name} 第 ${seq} 条与之前的记录对不上（被修改、删除或插入），已核对 ${result.entries} 条\n`,
  );
  const entry = await getAuditEntry(db, chain, seq);
  if (entry) {
    write(
      `  第 ${seq} 条：${entry.at}  ${entry.actor.label}  ${entry.entity} ${entry.entityId}  ${entry.action}\n`,
    );
  }
}

async function findingText(db: StoreDb, f: AnchorFinding): Promise<string> {
  const line = `锚点文件第 ${f.lineNumber} 行`;
  switch (f.kind) {
    case 'unreadable':
      return `${line}无法读取（${f.reason}）`;
    case 'bad-signature':
      return `${line}（${f.at}）签名无效：伪造或被改动的锚点，或不是这把密钥签的（行内密钥标识 ${f.keyId}）`;
    case 'broken-link':
      return `${line}（${f.at}）与上一行不衔接：锚点被删除、插入或调换了顺序`;
    case 'rewritten':
      return `${await describeChain(db, f.chain)} 被改写：第 ${f.seq} 条的哈希与 ${f.at} 的锚点（${line}）不符，第 ${f.seq} 条或其之前的记录被改动后重算了哈希`;
    case 'truncated':
      return `${await describeChain(db, f.chain)} 被截短：${f.at} 的锚点（${line}）记录到第 ${f.seq} 条，现在只到第 ${f.lastSeq} 条，此后的记录被删除`;
  }
}

/** Compares the database with the anchors; returns whether everything held (no finding). */
async function verifyAnchors(
  db: StoreDb,
  options: VerifyAuditOptions,
  write: (text: string) => void,
): Promise<boolean> {
  const config = configOrUsageError(() => loadAuditAnchorConfig(options.env ?? process.env));
  const anchorsFile = options.anchors ?? (config.auditAnchorKeyFile ? config.auditAnchorFile : undefined);
  if (!anchorsFile) {
    write(
      '警告：未配置审计锚点（AUDIT_ANCHOR_KEY_FILE，或 --anchors 与 --public-key），无法发现整条链被重算或最新记录被删除\n',
    );
    return true;
  }
  if (options.anchors && !existsSync(options.anchors))
    throw new UsageError(`锚点文件“${options.anchors}”不存在`);
  const publicKey = options.publicKey
    ? readAnchorPublicKey(options.publicKey)
    : config.auditAnchorKeyFile
      ? readAnchorSigningKey(config.auditAnchorKeyFile).publicKey
      : undefined;
  if (!publicKey)
    throw new UsageError('核对锚点需要公钥：请用 --public-key 指定，或设置 AUDIT_ANCHOR_KEY_FILE');
  const check = await checkAuditAnchors(db, readAnchorsFile(anchorsFile), publicKey);
  if (check.anchors === 0) {
    write(`警告：锚点文件“${anchorsFile}”中还没有锚点（gongkai audit anchor 可立即写一个）\n`);
    return true;
  }
  for (const f of check.findings) write(`${await findingText(db, f)}\n`);
  if (check.findings.length === 0) {
    write(
      `锚点相符：${check.anchors} 个锚点签名有效、前后衔接（最新 ${check.latestAt}），${check.chains} 条链锚定的记录都在且未被改写\n`,
    );
  }
  return check.findings.length === 0;
}

/**
 * `gongkai audit verify`: walks every hash chain of the audit log, then compares it with the signed
 * anchors kept outside the database. Exit 0 when everything holds (a warning when anchors are not
 * configured); exit 1 naming the first broken link (chain, seq, entry) and every anchor finding.
 */
export async function verifyAudit(
  url: string,
  write: (text: string) => void,
  options: VerifyAuditOptions = {},
): Promise<number> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite' && target.filename !== ':memory:' && !existsSync(target.filename)) {
    throw new UsageError(`数据库文件“${target.filename}”不存在（DATABASE_URL=${url}）`);
  }
  const opened = openDatabase(url);
  try {
    const result = await verifyAuditChain(opened.db);
    await writeChainResult(opened.db, result, write);
    const anchorsHold = await verifyAnchors(opened.db, options, write);
    if (!result.ok || !anchorsHold) write(`  数据库：${shownDatabaseUrl(url)}\n`);
    return result.ok && anchorsHold ? EXIT.ok : EXIT.findings;
  } finally {
    await opened.close();
  }
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志（数据库地址取环境变量 DATABASE_URL）');
  audit
    .command('verify')
    .description('核对审计日志的每条哈希链及库外的签名锚点：完整则退出码 0，否则指出问题所在，退出码 1')
    .option('--anchors <file>', '锚点文件（默认取 AUDIT_ANCHOR_FILE，在设置了 AUDIT_ANCHOR_KEY_FILE 时）')
    .option('--public-key <file>', '核对签名的公钥文件（默认取 AUDIT_ANCHOR_KEY_FILE 的公钥）')
    .action(async (options: { anchors?: string; publicKey?: string }) => {
      process.exitCode = await verifyAudit(
        databaseUrlFromEnvironment(),
        (t) => process.stdout.write(t),
        options,
      );
    });
  registerAuditAnchors(audit);
}
