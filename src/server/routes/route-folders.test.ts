import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each folder under src/server/routes is one resource and imports no other folder's modules
 * (issue 21): what two folders share lives in routes/common.schema.ts (schemas), server/http/
 * (reply helpers) or server/presenters/.
 */

const ROUTES = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The module specifiers of a file's import and export-from statements (dynamic imports too). */
function specifiers(text: string): string[] {
  const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g);
  return [...found].map((m) => m[1]!);
}

/** Imports of a file in folder `folder` that land in another folder under src/server/routes. */
function foreignRouteImports(file: string, text: string): string[] {
  const [folder] = file.split('/');
  return specifiers(text).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    if (target.startsWith('..')) return false;
    const [targetFolder, ...rest] = target.split('/');
    return rest.length > 0 && targetFolder !== folder;
  });
}

describe('foreignRouteImports', () => {
  it("finds an import of another route folder's module", () => {
    expect(
      foreignRouteImports('public/a.routes.ts', "import { x } from '../letters/letter-file.ts';"),
    ).toEqual(['../letters/letter-file.ts']);
  });

  it('allows the own folder, the shared schema and modules outside the routes', () => {
    const text = [
      "import { a } from './a.schema.ts';",
      "import { b } from '../common.schema.ts';",
      "import { c } from '../../http/send-report-document.ts';",
      "import { d } from '../../../core/errors.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(foreignRouteImports('public/a.routes.ts', text)).toEqual([]);
  });
});

describe('route folders', () => {
  it("import no other route folder's modules", () => {
    const offending = sourceFiles(ROUTES)
      .map((path) => relative(ROUTES, path).split('\\').join('/'))
      .filter((file) => file.includes('/'))
      .flatMap((file) =>
        foreignRouteImports(file, readFileSync(join(ROUTES, file), 'utf8')).map((s) => `${file} → ${s}`),
      );
    expect(offending).toEqual([]);
  });
});
