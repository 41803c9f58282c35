/**
 * `npm run bench`: runs every measure and writes bench/results.json. Speed and memory are measured
 * here, never in timed tests. Each *.bench.ts module exports `measures(): Promise<Measure[]>`.
 */
import { writeFileSync } from 'node:fs';
import * as deadlines from './deadlines.bench.ts';
import * as ingest from './ingest.bench.ts';
import { type Measure, machineFacts } from './measure.ts';
import * as region from './region.bench.ts';
import * as render from './render.bench.ts';
import * as validator from './validator.bench.ts';

const suites: Array<{ measures(): Promise<Measure[]> }> = [validator, deadlines, ingest, render, region];

const results: Measure[] = [];
for (const suite of suites) {
  for (const m of await suite.measures()) {
    results.push(m);
    process.stdout.write(`${m.name}: ${m.value} ${m.unit}\n`);
  }
}
const out = { generatedAt: new Date().toISOString(), machine: machineFacts(), results };
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write('bench/results.json written\n');
