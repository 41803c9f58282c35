import { zipSync } from 'fflate';
import type { RegionCorpus } from './region-corpus.ts';

/** The corpus's text reports as one zip (stored, like the zips agencies send), plus extra entries. */
export function corpusZip(corpus: RegionCorpus, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  for (const f of corpus.files) entries[f.name] = encoder.encode(f.text);
  return zipSync({ ...entries, ...extra }, { level: 1 });
}
