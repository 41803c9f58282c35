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
