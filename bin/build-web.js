#!/usr/bin/env node
// Builds the web application (src/web → dist/web) with Vite. With --if-stale, only when dist/web
// is missing or older than a source file of src/web, src/core or the lock file (so `npm start`
// builds on a fresh clone and starts at once afterwards).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/**
 * Brotli and gzip copies beside every text file of the build (served by the server to browsers
 * that accept them): the first page then transfers about a quarter of its size.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|css|html|svg|json|txt)$/.test(entry.name) && statSync(path).size >= 1024) {
      const data = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    }
  }
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
precompress(join(root, 'dist/web'));
writeFileSync(stamp, new Date().toISOString());
console.log(`网页构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
