import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { PDFJS_ROOT, packagedFile } from '../packaged-data.ts';
import { installDecodeBudget } from './pdf-inflate.ts';
import { installLoopbackClone } from './pdf-loopback-clone.ts';
import type { PdfjsModule } from './pdf-page.ts';
import { importPdfjsModules } from './pdfjs-modules.mjs';

type LoadingTask = ReturnType<PdfjsModule['getDocument']>;
type OpenParameters = Extract<Parameters<PdfjsModule['getDocument']>[0], { ownerDocument?: unknown }>;

let pdfjs: Promise<PdfjsModule> | null = null;

/**
 * pdfjs in Node runs its "worker" in the main thread. Both modules are loaded once, by
 * pdfjs-modules.mjs (the worker's decoders bounded, native push and JSON.parse put back), and
 * set up here: Uint8Array.prototype.toBase64 sped up (see fastToBase64).
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  pdfjs ??= (async () => {
    installDecodeBudget();
    const { display: module, worker } = await importPdfjsModules();
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    fastToBase64();
    // A throwaway worker, only to reach the prototype of pdfjs's LoopbackPort.
    const probe = new module.PDFWorker();
    await probe.promise;
    installLoopbackClone(probe.port);
    probe.destroy();
    module.GlobalWorkerOptions.workerSrc = pathToFileURL(
      join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs'),
    ).href;
    return module;
  })();
  return pdfjs;
}

/**
 * Node 20 has no Uint8Array.prototype.toBase64, and the polyfill pdfjs brings encodes in
 * JavaScript. pdfjs calls it on every embedded font it hands to the (stand-in) document: about
 * 8 MB and 8 ms per LibreOffice report. A call without options (standard alphabet, padded: the
 * only one pdfjs makes) is answered by Buffer, with the same result; any other goes to the polyfill.
 */
function fastToBase64(): void {
  type ToBase64 = (this: Uint8Array, options?: unknown) => string;
  const polyfill = (Uint8Array.prototype as unknown as { toBase64?: ToBase64 }).toBase64;
  // A fresh context has the engine's own built-ins: there, a native toBase64 shows.
  if (!polyfill || runInNewContext("'toBase64' in Uint8Array.prototype")) return;
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    value: function toBase64(this: Uint8Array, options?: unknown): string {
      if (
        options !== undefined ||
        !(this instanceof Uint8Array) ||
        (this.buffer as { detached?: boolean }).detached
      )
        return polyfill.call(this, options);
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/**
 * Nothing is ever drawn, so the @font-face rule pdfjs writes for each embedded font goes into
 * this stand-in document and nowhere else.
 */
const FONT_RULE_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as OpenParameters['ownerDocument'];

/**
 * Opens a PDF for text and drawing extraction only: no network, no system fonts, no eval, no XFA,
 * images dropped unread, nothing drawn. The caller destroys the returned task.
 */
export function openPdf(module: PdfjsModule, bytes: Uint8Array): LoadingTask {
  return module.getDocument({
    // pdfjs may detach the buffer it is given; the caller keeps theirs.
    data: new Uint8Array(bytes),
    CMapReaderFactory: PackagedCMaps,
    cMapUrl: join(PDFJS_ROOT, 'cmaps/'),
    cMapPacked: true,
    StandardFontDataFactory: PackagedStandardFonts,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts/'),
    wasmUrl: join(PDFJS_ROOT, 'wasm/'),
    isEvalSupported: false,
    // Fonts are "loaded" into FONT_RULE_SINK; with disableFontFace pdfjs would instead build and
    // post the outline of every glyph getOperatorList meets.
    disableFontFace: false,
    ownerDocument: FONT_RULE_SINK,
    useSystemFonts: false,
    enableXfa: false,
    // Images are never looked at: 0 makes getOperatorList skip every image before decoding it.
    maxImageSize: 0,
    verbosity: module.VerbosityLevel.ERRORS,
  });
}

class PackagedCMaps {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: packagedFile('cmaps', `${name}.bcmap`), isCompressed: true };
  }
}

class PackagedStandardFonts {
  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return packagedFile('standard_fonts', filename);
  }
}
