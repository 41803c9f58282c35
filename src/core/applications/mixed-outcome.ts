import type { Outcome } from './application.ts';

/** Outcomes under which information is provided to the applicant. */
const PROVIDING: ReadonlySet<Outcome> = new Set<Outcome>(['granted', 'partial']);

/**
 * Precedence among outcomes that provide nothing (DOMAIN.md §A.6, project convention):
 * 不予公开 > 无法提供 > 不予处理 > 其他处理.
 */
const GROUP_PRECEDENCE = ['denied', 'unable', 'notProcessed', 'other'] as const;

const groupOf = (outcome: Outcome) => outcome.split('.')[0]!;

/**
 * The one table-三 row an answer with several outcomes is counted in (DOMAIN.md §A.6): if anything
 * was provided and something was not, （二）部分公开; if everything was provided, （一）予以公开;
 * if nothing was provided, the first group by precedence — within it the officer's main outcome if it
 * belongs there, else the first secondary one of that group. The other outcomes stay on the case as
 * secondary reasons (and are stated in the answer letter).
 */
export function countedOutcome(main: Outcome, secondary: readonly Outcome[] = []): Outcome {
  const all = [main, ...secondary];
  const provided = all.filter((o) => PROVIDING.has(o));
  if (provided.length > 0) {
    return provided.length === all.length && provided.every((o) => o === 'granted') ? 'granted' : 'partial';
  }
  for (const group of GROUP_PRECEDENCE) {
    const inGroup = all.filter((o) => groupOf(o) === group);
    if (inGroup.length > 0) return inGroup[0]!;
  }
  return main;
}

/**
 * The outcomes of a mixed answer that are not its counted row and provide nothing: the reasons the
 * answer letter gives for what was not provided.
 */
export function withheldOutcomes(main: Outcome, secondary: readonly Outcome[] = []): Outcome[] {
  const counted = countedOutcome(main, secondary);
  return [...new Set([main, ...secondary])].filter((o) => o !== counted && !PROVIDING.has(o));
}

/**
 * How a region counts an application whose items had different outcomes (DOMAIN.md §A.6, a project
 * convention, so each supervising office chooses): `one-row` counts it once by countedOutcome (the
 * recommended rule); `separate-applications` is 一事一申请 — such requests are registered as several
 * applications at intake, so an answer names exactly one outcome.
 */
export const MIXED_OUTCOME_RULES = ['one-row', 'separate-applications'] as const;
export type MixedOutcomeRule = (typeof MIXED_OUTCOME_RULES)[number];
export const DEFAULT_MIXED_OUTCOME_RULE: MixedOutcomeRule = 'one-row';

export const MIXED_OUTCOME_RULE_LABELS: Record<MixedOutcomeRule, string> = {
  'one-row':
    '按一件申请统计：有提供的计入（二）部分公开；均未提供的，按不予公开、无法提供、不予处理、其他处理的顺序计入一行（推荐）',
  'separate-applications': '一事一申请：申请多项内容且结果不同的，登记为多件申请，每件答复只有一个办理结果',
};

/** The rule in force: the nearest region's own choice up the chain (nearest first), else the default. */
export function mixedOutcomeRuleOf(chain: ReadonlyArray<MixedOutcomeRule | null>): MixedOutcomeRule {
  return chain.find((rule) => rule !== null) ?? DEFAULT_MIXED_OUTCOME_RULE;
}

/** Why an answer with several outcomes is refused under `rule`, or null when it may be recorded. */
export function mixedOutcomeRefusal(
  rule: MixedOutcomeRule,
  secondary: readonly Outcome[] = [],
): string | null {
  if (rule !== 'separate-applications' || secondary.length === 0) return null;
  return '本地区实行“一事一申请”：申请多项内容且结果不同的，应登记为多件申请，每件答复只选一个办理结果';
}
