/**
 * A PDF written by hand from object bodies (object n is `objects[n - 1]`), with a classic xref
 * table giving each object's byte offset. `trailer` adds entries to the trailer dictionary;
 * `prevSelf` makes the trailer's /Prev point at its own xref (a hostile loop).
 */
export function writeHandPdf(objects: string[], options: { prevSelf?: boolean } = {}): Uint8Array {
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const prev = options.prevSelf ? ` /Prev ${xref}` : '';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
