import type { Cell } from '../report/schema.ts';
import { type CellAddress, cellKey, type Identity } from './report-identities.ts';

/**
 * The joint step of the OCR proofreader (issue 18): doubtful cells that share an identity cannot be
 * repaired one at a time (a row total broken by two misread counts is mended by neither alone), so
 * the combinations of their candidate readings are searched together for those that make every
 * identity they take part in hold. The search is bounded (a cap on the nodes visited) and pruned by
 * the identities: an identity left with one unknown cell fixes that cell's value.
 */

/**
 * A doubtful cell and the values it may have been printed as (its own reading first), or a cell
 * OCR could not read at all (null: it takes the value its identities force, checked by the others).
 */
export interface JointUnknown {
  cell: CellAddress;
  candidates: readonly number[] | null;
}

/** The combinations of a group of doubtful cells that satisfy all their identities. */
export interface JointGroup {
  unknowns: JointUnknown[];
  /** Each solution gives one value per unknown, in the order of `unknowns`. */
  solutions: number[][];
  /** False when the search stopped at its cap: more solutions may exist, none may be trusted. */
  complete: boolean;
}

/** Nodes one group's search may visit before it gives up (a bound on CPU for hopeless scans). */
export const JOINT_SEARCH_NODES = 20_000;

/** Solutions collected per group: two already make the choice a guess; a few more name the candidates. */
const SOLUTIONS_KEPT = 4;

/**
 * Splits the unknowns into groups linked by shared identities and searches each group's
 * combinations against every identity its cells take part in. `value` gives the other cells
 * (an identity with a blank known cell cannot be shown to hold, so its group has no solution).
 */
export function solveCellsJointly(
  unknowns: readonly JointUnknown[],
  identitiesOf: (cell: CellAddress) => readonly Identity[],
  value: (cell: CellAddress) => Cell,
): JointGroup[] {
  return groupsOf(unknowns, identitiesOf).map((group) => searchGroup(group, identitiesOf, value));
}

function groupsOf(
  unknowns: readonly JointUnknown[],
  identitiesOf: (cell: CellAddress) => readonly Identity[],
): JointUnknown[][] {
  const groups: JointUnknown[][] = [];
  const placed = new Set<JointUnknown>();
  const byKey = new Map(unknowns.map((u) => [cellKey(u.cell), u]));
  for (const start of unknowns) {
    if (placed.has(start)) continue;
    const group: JointUnknown[] = [];
    const queue = [start];
    placed.add(start);
    while (queue.length > 0) {
      const unknown = queue.shift()!;
      group.push(unknown);
      for (const identity of identitiesOf(unknown.cell)) {
        for (const term of identity.terms) {
          const other = byKey.get(cellKey(term.cell));
          if (other && !placed.has(other)) {
            placed.add(other);
            queue.push(other);
          }
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

/** An identity over a group: the known cells' sum and the unknowns' indices with their coefficients. */
interface Constraint {
  known: number;
  terms: { index: number; coefficient: number }[];
  /** Whether a cell of no reading (its value only forced by identities) takes part. */
  free: boolean;
}

/** Most OCR slips one group may be assumed to hold (the search tries fewer first). */
export const JOINT_MAX_SLIPS = 4;

/**
 * Searches a group by the fewest slips: first with every doubtful cell as read, then with one cell
 * changed to one of its candidates, then two, …; cells without a reading (candidates null) take the
 * value an identity forces. Only a change of a cell whose checkable identities are all broken, and
 * that mends one of them or brings each closer to holding, is tried. The solutions kept are those of the
 * fewest slips that make every identity hold.
 */
function searchGroup(
  unknowns: JointUnknown[],
  identitiesOf: (cell: CellAddress) => readonly Identity[],
  value: (cell: CellAddress) => Cell,
): JointGroup {
  const index = new Map(unknowns.map((u, i) => [cellKey(u.cell), i]));
  const identities = new Set(unknowns.flatMap((u) => identitiesOf(u.cell)));
  const constraints: Constraint[] = [];
  for (const identity of identities) {
    let known = 0;
    const terms: Constraint['terms'] = [];
    for (const term of identity.terms) {
      const at = index.get(cellKey(term.cell));
      if (at !== undefined) {
        terms.push({ index: at, coefficient: term.coefficient });
        continue;
      }
      const v = value(term.cell);
      if (v === null) return { unknowns, solutions: [], complete: true };
      known += term.coefficient * v;
    }
    constraints.push({ known, terms, free: terms.some((t) => unknowns[t.index]!.candidates === null) });
  }
  const constraintsOf = unknowns.map((_, i) => constraints.filter((c) => c.terms.some((t) => t.index === i)));
  const read = unknowns.map((u) => u.candidates?.[0]);
  let nodes = 0;
  let complete = true;

  /** The values with `changes` applied and the free cells forced, or null when a forced value is impossible. */
  const settle = (changes: ReadonlyMap<number, number>): (number | undefined)[] | null => {
    const values = read.map((v, i) => changes.get(i) ?? v);
    for (let progress = true; progress; ) {
      progress = false;
      for (const c of constraints) {
        let sum = c.known;
        let open: Constraint['terms'][number] | null = null;
        let opens = 0;
        for (const t of c.terms) {
          const v = values[t.index];
          if (v === undefined) {
            open = t;
            opens += 1;
          } else sum += t.coefficient * v;
        }
        if (opens !== 1) continue;
        const forced = -sum * open!.coefficient;
        if (forced < 0) return null;
        values[open!.index] = forced;
        progress = true;
      }
    }
    return values;
  };
  const residual = (c: Constraint, values: readonly (number | undefined)[]): number | undefined => {
    let sum = c.known;
    for (const t of c.terms) {
      const v = values[t.index];
      if (v === undefined) return undefined;
      sum += t.coefficient * v;
    }
    return sum;
  };
  /** The changes of cell i that move each of its checkable identities towards holding. */
  const moves = (i: number, values: readonly (number | undefined)[]): number[] => {
    const checked = constraintsOf[i]!.filter((c) => !c.free);
    const residuals = checked.map((c) => residual(c, values)!);
    if (residuals.some((r) => r === 0)) return [];
    return (unknowns[i]!.candidates ?? []).slice(1).filter((v) => {
      const after = checked.map(
        (c, k) => residuals[k]! + c.terms.find((t) => t.index === i)!.coefficient * (v - values[i]!),
      );
      return after.some((r) => r === 0) || after.every((r, k) => Math.abs(r) < Math.abs(residuals[k]!));
    });
  };

  const found = new Map<string, number[]>();
  const seen = new Set<string>();
  const search = (changes: Map<number, number>, slips: number): void => {
    if (found.size >= SOLUTIONS_KEPT || !complete) return;
    const state = [...changes].sort((a, b) => a[0] - b[0]).join(';');
    if (seen.has(state)) return;
    seen.add(state);
    nodes += 1;
    if (nodes > JOINT_SEARCH_NODES) {
      complete = false;
      return;
    }
    const values = settle(changes);
    if (values === null) return;
    const broken = constraints.filter((c) => {
      const r = residual(c, values);
      return r !== undefined && r !== 0;
    });
    if (broken.length === 0) {
      if (values.every((v) => v !== undefined)) found.set(values.join(','), values as number[]);
      return;
    }
    if (slips === 0) return;
    // A broken identity of read cells only must be mended by one of its own cells: branch there.
    const own = broken
      .filter((c) => !c.free)
      .map((c) => c.terms.filter((t) => !changes.has(t.index)).map((t) => t.index));
    const choices = (
      own.length > 0
        ? [own.reduce((a, b) => (a.length <= b.length ? a : b))]
        : broken.map((c) => c.terms.map((t) => t.index))
    ).flat();
    for (const i of new Set(choices)) {
      if (unknowns[i]!.candidates === null || changes.has(i)) continue;
      for (const v of moves(i, values)) {
        search(new Map([...changes, [i, v]]), slips - 1);
        if (found.size >= SOLUTIONS_KEPT || !complete) return;
      }
    }
  };
  for (let slips = 0; slips <= JOINT_MAX_SLIPS && found.size === 0 && complete; slips += 1) {
    seen.clear();
    search(new Map(), slips);
  }
  return { unknowns, solutions: [...found.values()], complete };
}
