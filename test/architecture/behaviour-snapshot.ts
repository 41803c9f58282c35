/**
 * Behaviour snapshot of a checkout (issue 21: a restructuring changes no output). Checks every file
 * of test/fixtures and of the seed folder, renders each seed to HTML, Markdown and DOCX, and writes
 * OUTDIR/summary.json: per file a hash of the report and findings (or the refusal's message), and of
 * each rendering (of word/document.xml for DOCX). Run it on two checkouts and compare the summaries:
 *
 *   node --import tsx test/architecture/behaviour-snapshot.ts REPO OUTDIR [SEEDS]
 *
 * REPO is the checkout whose code runs (it needs node_modules); the script itself can come from a
 * newer one. Not a test: it runs the readers on ~200 files (about half a minute).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const [repoArg, outArg, seedsArg = '/work/shared/seeds'] = process.argv.slice(2);
if (!repoArg || !outArg) {
  process.stderr.write('usage: behaviour-snapshot.ts REPO OUTDIR [SEEDS]\n');
  process.exit(2);
}
const repo = resolve(repoArg);
const out = resolve(outArg);
const { loadReport } = await import(join(repo, 'src/cli/load-report.ts'));
const { checkReport } = await import(join(repo, 'src/documents/check-report.ts'));
const { renderReport } = await import(join(repo, 'src/documents/render/render-report.ts'));
const { documentReader } = await import(join(repo, 'src/cli/documents-config.ts'));

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
const hash = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const seeds = filesIn(seedsArg);
const fixtures = filesIn(join(repo, 'test/fixtures')).filter((f) => !/\.(?:ts|py)$/.test(f));
const summary: Record<string, Record<string, string>> = {};
mkdirSync(out, { recursive: true });
const reader = documentReader();
for (const file of [...fixtures, ...seeds]) {
  const key = file.startsWith(repo) ? relative(repo, file) : file;
  const base = join(out, key.replace(/\//g, '_'));
  try {
    const loaded = await loadReport(file, reader);
    const findings = checkReport(loaded.report, loaded.ingest);
    const json = JSON.stringify({ report: loaded.report, findings, format: loaded.format }, null, 1);
    writeFileSync(`${base}.json`, json);
    const entry: Record<string, string> = { check: hash(json) };
    if (seeds.includes(file)) {
      for (const format of ['html', 'md', 'docx'] as const) {
        const rendered = await renderReport(loaded.report, format, { findings });
        writeFileSync(`${base}.${format}`, rendered.bytes);
        entry[format] =
          format === 'docx'
            ? hash(execFileSync('unzip', ['-p', `${base}.docx`, 'word/document.xml']))
            : hash(rendered.bytes);
      }
    }
    summary[key] = entry;
  } catch (error) {
    summary[key] = { refused: String((error as Error).message).replaceAll(repo, '') };
  }
}
await reader.close();
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
process.stdout.write(`${Object.keys(summary).length} files → ${join(out, 'summary.json')}\n`);
