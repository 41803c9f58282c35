// Reader process bootstrap (forked by ingest-pool.ts): loads pdfjs first, without the TypeScript
// loader (see pdf/pdfjs/pdfjs-modules.mjs), then registers the loader (tsx) and runs the reader.
import { register } from 'tsx/esm/api';
import { importPdfjsModules } from './pdf/pdfjs/pdfjs-modules.mjs';

await importPdfjsModules();
register();
await import('./ingest-process.ts');
