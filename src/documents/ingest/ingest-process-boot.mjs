// Reader process bootstrap (forked by ingest-pool.ts): registers the TypeScript loader (tsx) and
// runs the reader. pdfjs (2 MB of JavaScript per module) loaded through that loader costs some
// 400 MB of memory instead of 80, so the loader is switched off while pdfjs is imported (once per
// process, on the first PDF that needs it; the process reads one file at a time, so nothing else
// is loading meanwhile): see WITHOUT_TS_LOADER in pdf/pdfjs/pdfjs-modules.mjs.
import { register } from 'tsx/esm/api';
import { WITHOUT_TS_LOADER } from './pdf/pdfjs/pdfjs-modules.mjs';

let unregister = register();
globalThis[WITHOUT_TS_LOADER] = async (load) => {
  await unregister();
  try {
    return await load();
  } finally {
    unregister = register();
  }
};
await import('./ingest-process.ts');
