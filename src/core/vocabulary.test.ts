import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each piece of the domain vocabulary is declared once (issue 21): these scans fail when the role
 * list, the role labels or the table of allowed application steps is written a second time
 * anywhere under src, tests included. Migrations are frozen in time and keep their own literals.
 */

const SRC = join(import.meta.dirname, '..');
const SELF = 'core/vocabulary.test.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const FILES = sourceFiles(SRC)
  .map((path) => ({ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
  .filter((f) => f.path !== SELF && !f.path.startsWith('store/migrations/'));

const ROLE = `['"](?:officer|reviewer|supervisor|admin)['"]`;
/**
 * The four role names and nothing else in a row, as a union ('a' | 'b' …) or a list (['a', 'b', …]).
 * Longer lists (the callers of the authorization matrix, with 'anonymous' and 'apiToken') are not it.
 */
const ROLE_LIST = new RegExp(
  `(?<!['"]\\s*[|,]\\s*)${ROLE}(?:\\s*[|,]\\s*${ROLE}){3}(?!\\s*[|,]\\s*['"])`,
  'g',
);
/** An object naming every role: a second ROLE_LABELS. */
const ROLE_RECORD = /\bofficer:[^\n]*\n?\s*reviewer:[^\n]*\n?\s*supervisor:[^\n]*\n?\s*admin:/g;
/** A status keyed to a list of steps: a second ALLOWED_STEPS. */
const STEPS_TABLE = /['"]?(?:awaiting-correction|awaiting-fee|consulting)['"]?\s*:\s*\[/g;

function declarations(pattern: RegExp, accept: (match: string) => boolean = () => true): string[] {
  return FILES.flatMap((f) => [...f.text.matchAll(pattern)].filter((m) => accept(m[0])).map(() => f.path));
}

describe('the domain vocabulary', () => {
  it('lists the roles only in core/organisation/role.ts', () => {
    const allFour = (m: string) => new Set(m.match(/officer|reviewer|supervisor|admin/g)).size === 4;
    expect(declarations(ROLE_LIST, allFour)).toEqual(['core/organisation/role.ts']);
  });

  it('labels the roles only in core/organisation/role.ts', () => {
    expect(declarations(ROLE_RECORD)).toEqual(['core/organisation/role.ts']);
  });

  it('tables the allowed application steps only in core/applications/allowed-steps.ts', () => {
    expect([...new Set(declarations(STEPS_TABLE))]).toEqual(['core/applications/allowed-steps.ts']);
  });
});
