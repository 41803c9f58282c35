import { isAppError } from '../core/errors.ts';
import { escapeForTerminal } from '../core/untrusted-text.ts';
import { ConfigError, stackTracesWanted } from '../server/config.ts';

/** Exit codes of every gongkai command (documented in the README). */
export const EXIT = {
  /** Success; for `check`, no finding of severity error. */
  ok: 0,
  /** `check` found at least one finding of severity error. */
  findings: 1,
  /** Unusable input or a usage error. */
  unusable: 2,
} as const;

/** A failure the user must fix: printed as one Chinese line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Runs `load` (a configuration parser); a ConfigError becomes a usage error listing the bad variables. */
export function configOrUsageError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Turns anything thrown by a command into one line on stderr and an exit code. Never prints a
 * stack trace: an unexpected error is reported as an internal error with its message only.
 */
export function reportFailure(error: unknown): number {
  if (isAppError(error) || error instanceof UsageError) {
    process.stderr.write(`gongkai: ${escapeForTerminal(error.message, { keepLineBreaks: true })}\n`);
    return EXIT.unusable;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gongkai: 内部错误：${escapeForTerminal(message, { keepLineBreaks: true })}\n`);
  if (stackTracesWanted() && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.unusable;
}

const COMMANDER_MESSAGES: Array<[RegExp, (...groups: string[]) => string]> = [
  [/missing required argument '(.+?)'/, (a) => `缺少必需的参数 ${a}`],
  [/unknown option '(.+?)'/, (o) => `未知选项 ${o}`],
  [/unknown command '(.+?)'/, (c) => `未知命令 ${c}`],
  [/too many arguments(?: for '(.+?)')?/, (c) => `参数过多${c ? `（命令 ${c}）` : ''}`],
  [/option '(.+?)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/required option '(.+?)' not specified/, (o) => `缺少必需的选项 ${o}`],
  [/option '(.+?)' argument '(.+?)' is invalid/, (o, v) => `选项 ${o} 的取值“${v}”无效`],
];

/** Commander's own usage errors are English: give the user the same one line in Chinese. */
export function translateCommanderError(text: string): string {
  const line = text
    .replace(/^error: /, '')
    .split('\n')[0]!
    .trim();
  for (const [pattern, translate] of COMMANDER_MESSAGES) {
    const m = pattern.exec(line);
    if (m) return translate(...m.slice(1).map((g) => g ?? ''));
  }
  return line;
}
