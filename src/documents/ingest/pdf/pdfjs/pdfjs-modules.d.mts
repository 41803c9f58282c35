export declare const CHARGE_HOOK: unique symbol;
export declare const WITHOUT_TS_LOADER: unique symbol;

/** pdf.mjs, and pdf.worker.mjs with its decoders bounded (see pdfjs-modules.mjs). */
export declare function importPdfjsModules(): Promise<{
  display: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  worker: typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}>;
