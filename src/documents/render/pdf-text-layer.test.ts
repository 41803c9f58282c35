import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../test/support/extract-pdf.ts';
import { repairTextLayer } from './pdf-text-layer.ts';

/** A one-page PDF with one Type 3 font (codes 1 and 2), laid out as Chromium writes it. */
function miniPdf(toUnicode: string, content: string): Uint8Array {
  const glyph = '1000 0 0 0 800 800 d1 0 0 800 800 re f';
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Resources <</Font <</F4 4 0 R>>>> /MediaBox [0 0 300 300] /Contents 5 0 R /Parent 2 0 R>>',
    '<</Type /Font /Subtype /Type3 /FontMatrix [.001 0 0 .001 0 0] /FontBBox [0 0 1000 1000] /FirstChar 1 /LastChar 2 /Widths [1000 1000] /Encoding <</Type /Encoding /Differences [1 /g1 /g2]>> /CharProcs <</g1 7 0 R /g2 7 0 R>> /Resources <<>> /ToUnicode 6 0 R>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    `<</Length ${toUnicode.length}>>\nstream\n${toUnicode}\nendstream`,
    `<</Length ${glyph.length}>>\nstream\n${glyph}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const cmap = (entries: string) =>
  `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n2 beginbfchar\n${entries}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end`;

const text = async (pdf: Uint8Array) => (await extractPdf(pdf)).items.join('');

describe('repairTextLayer', () => {
  it('replaces a radical look-alike in a ToUnicode map by the ActualText the glyph is shown with', async () => {
    const pdf = miniPdf(
      cmap('<01> <2F49>\n<02> <2EA0>'),
      'BT /F4 20 Tf 1 0 0 1 10 100 Tm /Span<</ActualText <FEFF6708> >> BDC <01> Tj EMC 20 0 Td /Span<</ActualText <FEFF6C11> >> BDC\n<02> Tj\nEMC ET',
    );
    expect(await text(pdf)).toBe('⽉⺠');
    const repaired = repairTextLayer(pdf);
    expect(await text(repaired)).toBe('月民');
    // An incremental update: the original bytes come first, untouched.
    expect(Buffer.from(repaired.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('leaves a code alone when it is shown with different texts', async () => {
    const pdf = miniPdf(
      cmap('<01> <2F49>\n<02> <4E00>'),
      'BT /F4 20 Tf /Span<</ActualText <FEFF6708> >> BDC <01> Tj EMC /Span<</ActualText <FEFF670B> >> BDC <01> Tj EMC ET',
    );
    expect(repairTextLayer(pdf)).toBe(pdf);
  });

  it('ignores spans of several glyphs and returns a file it cannot read unchanged', () => {
    const pdf = miniPdf(
      cmap('<01> <2F49>\n<02> <4E00>'),
      'BT /F4 20 Tf /Span<</ActualText <FEFF6708> >> BDC <0102> Tj EMC ET',
    );
    expect(repairTextLayer(pdf)).toBe(pdf);
    const notChromium = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\nstartxref\n9\n%%EOF');
    expect(repairTextLayer(notChromium)).toBe(notChromium);
  });
});
