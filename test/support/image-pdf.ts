/** One page of an image-only PDF: a baseline JPEG and the resolution it was scanned at. */
export interface ImagePdfPage {
  jpeg: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
  /** Dots per inch: the page measures width/dpi × height/dpi inches. */
  dpi: number;
  /** 3 for RGB (the default), 1 for greyscale. */
  channels?: 1 | 3;
}

/**
 * An image-only PDF as a scanner writes it: one page per image, each page exactly the image's size
 * at its resolution, the JPEG embedded as is (DCTDecode), no text layer. A tiny writer (binary
 * streams, classic xref table) so that test corpora need no PDF library.
 */
export function writeImagePdf(pages: readonly ImagePdfPage[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.byteLength;
  };
  const object = (number: number, body: string, stream?: Uint8Array) => {
    offsets[number - 1] = length;
    push(`${number} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  // Objects: 1 catalog, 2 page tree, then per page: page, content stream, image.
  const pageNumber = (index: number) => 3 + index * 3;
  push('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pages.map((_, index) => `${pageNumber(index)} 0 R`).join(' ');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((page, index) => {
    const n = pageNumber(index);
    const w = points(page.width, page.dpi);
    const h = points(page.height, page.dpi);
    const content = encoder.encode(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`);
    object(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    object(n + 1, `<< /Length ${content.byteLength} >>`, content);
    const colourSpace = page.channels === 1 ? '/DeviceGray' : '/DeviceRGB';
    object(
      n + 2,
      `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace ${colourSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.byteLength} >>`,
      page.jpeg,
    );
  });
  const xref = length;
  const count = offsets.length + 1;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (const offset of offsets) table += `${String(offset).padStart(10, '0')} 00000 n \n`;
  push(`${table}trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Pixels at a resolution as PDF points (1/72 inch), to two decimals. */
function points(pixels: number, dpi: number): string {
  return (Math.round((pixels / dpi) * 72 * 100) / 100).toString();
}
