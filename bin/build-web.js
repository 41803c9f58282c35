#!/usr/bin/env node
// Builds the web application (src/web → dist/web) with Vite. With --if-stale, only when dist/web
// is missing or older than a source file of src/web, src/core or the lock file (so `npm start`
// builds on a fresh clone and starts at once afterwards).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist/web/.built');

function newest(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const ifStale = process.argv.includes('--if-stale');
const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(
  newest(join(root, 'src/web')),
  newest(join(root, 'src/core')),
  newest(join(root, 'package-lock.json')),
);
if (ifStale && built > sources) process.exit(0);

process.env.NODE_ENV = 'production';
console.log('正在构建网页（src/web → dist/web）……');
const started = Date.now();
try {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'src/web/vite.config.ts'), logLevel: 'warn' });
} catch (error) {
  console.error(`网页构建失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
writeFileSync(stamp, new Date().toISOString());
console.log(`网页构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
