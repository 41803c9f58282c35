import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparable } from '../../../../test/support/seeds.ts';
import { parseReport } from '../../../core/report/parse-report.ts';
import type { Report } from '../../../core/report/schema.ts';
import { readReportDocument } from '../read-document.ts';

/**
 * Word 97–2003 fixtures: the LibreOffice DOCX fixtures (test/fixtures/documents/*.lo.docx) saved
 * by LibreOffice 7.4 as "MS Word 97" (soffice --headless --convert-to doc), and one of them renamed
 * to .wps (WPS saves its .wps in Word's format). Each reads back to the truth of its page.
 */
const DOCS = new URL('../../../../test/fixtures/doc/', import.meta.url);
const TRUTHS = new URL('../../../../test/fixtures/documents/', import.meta.url);
const WORD = readdirSync(DOCS)
  .filter((f) => /\.lo(-renamed)?\.(doc|wps)$/.test(f))
  .sort();

const truthOf = (file: string): Report =>
  parseReport(JSON.parse(readFileSync(new URL(`${file.split('.')[0]}.truth.json`, TRUTHS), 'utf8')));

/** What the DOC reader must give exactly: tables, extras, agency, year, date, title and sections. */
function expected(report: Report) {
  const c = comparable(report) as Report;
  return { ...c, title: (c.title ?? '').replace(/\s+/g, '') };
}

describe('readReportDocument on Word 97–2003 documents', () => {
  it('has a fixture of every LibreOffice DOCX fixture and a .wps', () => {
    expect(WORD.filter((f) => f.endsWith('.doc')).length).toBeGreaterThanOrEqual(11);
    expect(WORD.some((f) => f.endsWith('.wps'))).toBe(true);
  });

  it.each(WORD)('reads %s back to its truth', async (file) => {
    const { report, format } = await readReportDocument(readFileSync(new URL(file, DOCS)), file);
    expect(format).toBe('doc');
    expect(expected(report)).toEqual(expected(truthOf(file)));
  });
});

describe('readReportDocument on OLE files that are not a readable Word document', () => {
  const refusal = async (file: string) =>
    readReportDocument(readFileSync(new URL(file, DOCS)), file).then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );

  it('refuses a .wps that is not in Word format, saying so', async () => {
    // An OLE file whose main stream is "CONTENTS" (Microsoft Works / early WPS), not "WordDocument".
    const error = await refusal('works-contents.wps');
    expect(error).toMatchObject({ name: 'AppError', code: 'UNSUPPORTED_FORMAT' });
    expect(error?.message).toMatch(/^\.wps 文件不是 Word 格式/);
  });

  it('refuses the same file named .doc as an OLE file that is not Word', async () => {
    const bytes = readFileSync(new URL('works-contents.wps', DOCS));
    const error = await readReportDocument(bytes, 'x.doc').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/不是 Word 文档/);
  });

  it('refuses a truncated .doc as incomplete', async () => {
    const error = await refusal('truncated.doc');
    expect(error).toMatchObject({ name: 'AppError', code: 'DOCUMENT_REFUSED' });
    expect(error?.message).toMatch(/不完整/);
  });

  it('refuses an empty .doc by its content (empty text)', async () => {
    await expect(readReportDocument(new Uint8Array(), 'x.doc')).rejects.toMatchObject({ name: 'AppError' });
  });
});
