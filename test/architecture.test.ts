import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The "Done when" lines of issue 21 that a reading of the source tree can check (the vocabulary
 * scans are src/core/vocabulary.test.ts, the route folders src/server/routes/route-folders.test.ts):
 * no source file over 400 lines, no test support imported by non-test source, and every type the
 * web reads from the API (and every type of its API type files) derived from a route schema rather
 * than written by hand.
 */

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const MAX_LINES = 400;
/** A file that a tool writes says so on its first line; none does today. */
const GENERATED = /^\/\/ @generated\b/;

interface SourceFile {
  /** Relative to src, with forward slashes. */
  path: string;
  text: string;
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return [{ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }];
  });
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const FILES = sourceFiles(SRC);
const NON_TEST = FILES.filter((f) => !isTest(f.path));

/** The module specifiers of a file's import and export-from statements (dynamic imports too). */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The relative imports of `file` (under src) that land in the repository's test/ folder. */
function testSupportImports(file: SourceFile): string[] {
  return specifiers(file.text).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = posix.normalize(posix.join('src', posix.dirname(file.path), specifier));
    return target.startsWith('test/');
  });
}

/** The type arguments of the web's calls to the API client: api.get<T>(…), upload<T>(…). */
function apiTypeArguments(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:get|post|put|patch|del|delete|upload)</g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    while (i < text.length && depth > 0) {
      if (text[i] === '<') depth += 1;
      else if (text[i] === '>' && text[i - 1] !== '=') depth -= 1;
      i += 1;
    }
    if (text[i] === '(') found.push(text.slice(start, i - 1).trim());
  }
  return found;
}

/** The web's type declarations by name: `type X = …;` (its right side) or `interface X`. */
function webTypeDeclarations(files: SourceFile[]): Map<string, { file: string; body: string | null }> {
  const declared = new Map<string, { file: string; body: string | null }>();
  for (const f of files) {
    for (const m of f.text.matchAll(/^(?:export )?type (\w+)(?:<[^=]*>)? =([\s\S]*?);\n/gm)) {
      declared.set(m[1]!, { file: f.path, body: m[2]!.trim() });
    }
    for (const m of f.text.matchAll(/^(?:export )?interface (\w+)/gm)) {
      declared.set(m[1]!, { file: f.path, body: null });
    }
  }
  return declared;
}

/**
 * Why the type expression `type` (a type argument of an API call) is written by hand, or null when
 * it is derived from a route schema (z.output / z.infer of it, possibly through other web aliases)
 * or is a type the web imports from elsewhere (core's vocabulary).
 */
function handWritten(
  type: string,
  declared: Map<string, { file: string; body: string | null }>,
  seen = new Set<string>(),
): string | null {
  if (/^\s*\{/.test(type)) return `an object type written inline: ${type}`;
  if (/\bz\.(?:output|infer|input)</.test(type)) return null;
  for (const name of type.match(/\b[A-Z]\w*\b/g) ?? []) {
    if (seen.has(name) || ['NonNullable', 'Array', 'ReadonlyArray', 'Pick', 'Omit'].includes(name)) continue;
    seen.add(name);
    const declaration = declared.get(name);
    if (!declaration) continue;
    if (declaration.body === null) return `${name} is an interface written in ${declaration.file}`;
    const why = handWritten(declaration.body, declared, seen);
    if (why) return `${name} (${declaration.file}): ${why}`;
  }
  return null;
}

describe('handWritten', () => {
  const declared = webTypeDeclarations([
    {
      path: 'web/a.ts',
      text: [
        'export type Derived = z.output<typeof aResponse>;',
        'export type Step = NonNullable<Derived>["steps"][number];',
        'export interface Shape {\n  id: string;\n}',
        'type Wrapped = { items: Derived[] };',
        '',
      ].join('\n'),
    },
  ]);

  it('accepts schema-derived types, directly or through aliases', () => {
    expect(handWritten('Derived', declared)).toBeNull();
    expect(handWritten('Step[]', declared)).toBeNull();
    expect(handWritten('z.output<typeof statisticsResponse>', declared)).toBeNull();
  });

  it('finds interfaces, object literals and inline shapes', () => {
    expect(handWritten('Shape', declared)).toMatch(/interface/);
    expect(handWritten('Wrapped', declared)).toMatch(/inline/);
    expect(handWritten('{ schedule: Derived }', declared)).toMatch(/inline/);
  });
});

describe('apiTypeArguments', () => {
  it('reads the type arguments of client calls, nested ones whole', () => {
    const text = "api.get<Session>('/a'); api.post<z.output<typeof x>>('/b', {}); upload<T>(f); map.get(k);";
    expect(apiTypeArguments(text)).toEqual(['Session', 'z.output<typeof x>', 'T']);
  });
});

describe('the source tree (issue 21)', () => {
  it(`has no non-generated source file over ${MAX_LINES} lines`, () => {
    const long = NON_TEST.filter((f) => !GENERATED.test(f.text))
      .map((f) => ({ path: f.path, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('imports test support only from tests', () => {
    expect(
      testSupportImports({ path: 'store/x.ts', text: "import { a } from '../../test/support/a.ts';" }),
    ).toEqual(['../../test/support/a.ts']);
    const offending = NON_TEST.flatMap((f) => testSupportImports(f).map((s) => `${f.path} → ${s}`));
    expect(offending).toEqual([]);
  });

  it('writes audit entries in use-cases only: no route, bootstrap or CLI module appends one itself', () => {
    const writesAudit = (f: SourceFile) => /\bappendAudit(?:Entries)?\s*\(/.test(f.text);
    expect(writesAudit({ path: 'server/routes/x.ts', text: 'await appendAudit(trx, {});' })).toBe(true);
    const offending = NON_TEST.filter((f) => /^(?:server|cli)\//.test(f.path) && writesAudit(f)).map(
      (f) => f.path,
    );
    expect(offending).toEqual([]);
  });

  it('keeps test support out of src: no non-test module there exists only for tests', () => {
    const support = NON_TEST.filter((f) =>
      /(?:^|\/)(?:test-support|testing|fixtures?)(?:\/|\.tsx?$)/.test(f.path),
    );
    expect(support.map((f) => f.path)).toEqual([]);
  });

  it('declares each organisation type of the vocabulary once, in core (elsewhere only derived)', () => {
    const names = ['Role', 'User', 'Agency', 'AgencyKind', 'Region', 'Moment'];
    const declaredBy = (name: string) =>
      NON_TEST.filter((f) =>
        [
          ...f.text.matchAll(
            new RegExp(`^(?:export )?(?:interface ${name}\\b|type ${name} =([^;]*);)`, 'gm'),
          ),
        ].some((m) => !/\bz\.(?:output|infer)</.test(m[1] ?? '')),
      ).map((f) => f.path);
    expect(Object.fromEntries(names.map((n) => [n, declaredBy(n)]))).toEqual({
      Role: ['core/organisation/role.ts'],
      User: ['core/organisation/user.ts'],
      Agency: ['core/organisation/agency.ts'],
      AgencyKind: ['core/organisation/agency.ts'],
      Region: ['core/organisation/region.ts'],
      Moment: ['core/moment.ts'],
    });
  });

  it('reads every API answer in the web with a type derived from the route schemas', () => {
    const web = FILES.filter((f) => f.path.startsWith('web/') && !isTest(f.path));
    const declared = webTypeDeclarations(web);
    const calls = web.flatMap((f) => apiTypeArguments(f.text).map((type) => ({ file: f.path, type })));
    expect(calls.length).toBeGreaterThan(30);
    const offending = calls
      .filter((c) => c.type !== 'T')
      .map((c) => ({ ...c, why: handWritten(c.type, declared) }))
      .filter((c) => c.why !== null);
    expect(offending).toEqual([]);
  });

  it("declares in the web's API type files (types.ts, *-types.ts) only types derived from the route schemas", () => {
    const web = FILES.filter((f) => f.path.startsWith('web/') && !isTest(f.path));
    const declared = webTypeDeclarations(web);
    const typeFiles = web.filter((f) => /(?:^|\/|-)types\.ts$/.test(f.path));
    expect(typeFiles.length).toBeGreaterThan(3);
    const offending = typeFiles
      .flatMap((f) => [...webTypeDeclarations([f]).keys()].map((name) => ({ file: f.path, name })))
      .map((t) => ({ ...t, why: handWritten(t.name, declared) }))
      .filter((t) => t.why !== null);
    expect(offending).toEqual([]);
  });
});
