/**
 * `npm run bench`: runs every measure and writes bench/results.json. Speed and memory are measured
 * here, never in timed tests. Each *.bench.ts module exports `measures(): Promise<Measure[]>`.
 * `npm run bench -- server deadlines` runs only the suites named and updates their lines of
 * bench/results.json, keeping the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as assembly from './assembly.bench.ts';
import * as crawled from './crawled.bench.ts';
import * as deadlines from './deadlines.bench.ts';
import * as hostile from './hostile.bench.ts';
import * as ingest from './ingest.bench.ts';
import { type Measure, machineFacts } from './measure.ts';
import * as region from './region.bench.ts';
import * as render from './render.bench.ts';
import * as scanned from './scanned.bench.ts';
import * as server from './server.bench.ts';
import * as validator from './validator.bench.ts';
import * as web from './web.bench.ts';

const SUITES: Record<string, { measures(): Promise<Measure[]> }> = {
  validator,
  deadlines,
  ingest,
  render,
  server,
  web,
  assembly,
  region,
  hostile,
  crawled,
  scanned,
};

/** Suites that another suite already runs (ingest runs scanned): left out of a run of every suite. */
const INCLUDED_ELSEWHERE = new Set(['scanned']);

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`未知的基准测试：${unknown.join('、')}（可选：${Object.keys(SUITES).join('、')}）\n`);
  process.exit(2);
}
const suites =
  chosen.length > 0
    ? chosen.map((name) => SUITES[name]!)
    : Object.entries(SUITES).flatMap(([name, suite]) => (INCLUDED_ELSEWHERE.has(name) ? [] : [suite]));
const resultsFile = new URL('./results.json', import.meta.url);

const results: Measure[] = [];
for (const suite of suites) {
  for (const m of await suite.measures()) {
    results.push(m);
    process.stdout.write(`${m.name}: ${m.value} ${m.unit}\n`);
  }
}
// A partial run keeps the lines of the suites it did not run.
const kept: Measure[] =
  chosen.length > 0 && existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')).results as Measure[]).filter(
        (old) => !results.some((m) => m.name === old.name),
      )
    : [];
const out = {
  generatedAt: new Date().toISOString(),
  machine: machineFacts(),
  results: [...kept, ...results],
};
writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write('bench/results.json written\n');
