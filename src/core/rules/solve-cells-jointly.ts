import type { Cell } from '../report/schema.ts';
import { type CellAddress, cellKey, type Identity } from './report-identities.ts';

/**
 * The joint step of the OCR proofreader (issue 18): doubtful cells that share an identity cannot be
 * repaired one at a time (a row total broken by two misread counts is mended by neither alone), so
 * the combinations of their candidate readings are searched together for those that make every
 * identity they take part in hold. The search is bounded (a cap on the nodes visited) and pruned by
 * the identities: an identity left with one unknown cell fixes that cell's value.
 */

/** A doubtful cell and the values it may have been printed as (its own reading first). */
export interface JointUnknown {
  cell: CellAddress;
  candidates: readonly number[];
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
}

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
    constraints.push({ known, terms });
  }
  const constraintsOf = unknowns.map((_, i) => constraints.filter((c) => c.terms.some((t) => t.index === i)));
  const allowed = unknowns.map((u) => new Set(u.candidates));
  const assigned: (number | undefined)[] = unknowns.map(() => undefined);
  const solutions: number[][] = [];
  let nodes = 0;
  let complete = true;

  const consistent = (i: number): boolean =>
    constraintsOf[i]!.every((c) => {
      let sum = c.known;
      for (const t of c.terms) {
        const v = assigned[t.index];
        if (v === undefined) return true;
        sum += t.coefficient * v;
      }
      return sum === 0;
    });

  /** An unknown an identity forces (the identity's only unknown left) and the value it must take. */
  const forced = (): { i: number; v: number } | null => {
    for (const c of constraints) {
      let open: Constraint['terms'][number] | null = null;
      let sum = c.known;
      let opens = 0;
      for (const t of c.terms) {
        const v = assigned[t.index];
        if (v === undefined) {
          open = t;
          opens += 1;
        } else sum += t.coefficient * v;
      }
      if (opens === 1) return { i: open!.index, v: -sum * open!.coefficient };
    }
    return null;
  };

  const search = (): void => {
    if (solutions.length >= SOLUTIONS_KEPT || !complete) return;
    nodes += 1;
    if (nodes > JOINT_SEARCH_NODES) {
      complete = false;
      return;
    }
    const next = forced();
    const free = next ? -1 : assigned.indexOf(undefined);
    if (!next && free < 0) {
      solutions.push(assigned.map((v) => v!));
      return;
    }
    const i = next ? next.i : free;
    const tries = next ? (allowed[i]!.has(next.v) ? [next.v] : []) : unknowns[i]!.candidates;
    for (const v of tries) {
      assigned[i] = v;
      if (consistent(i)) search();
      assigned[i] = undefined;
      if (solutions.length >= SOLUTIONS_KEPT || !complete) return;
    }
  };
  search();
  return { unknowns, solutions, complete };
}
