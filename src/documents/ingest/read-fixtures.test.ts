import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparable } from '../../../test/support/seeds.ts';
import { parseReport } from '../../core/report/parse-report.ts';
import type { Report } from '../../core/report/schema.ts';
import type { Finding } from '../../core/rules/finding.ts';
import { validateReport } from '../../core/rules/validate-report.ts';
import { checkReport } from '../check-report.ts';
import { readReportDocument } from './read-document.ts';

/**
 * Every fixture document (made by LibreOffice, Chromium and the docx package from the same
 * truth, see test/fixtures/documents/README.md, and written in the shapes of WPS, Word and
 * 极速PDF, test/fixtures/producers/) must read back to its truth, cell by cell.
 */
const DIR = new URL('../../../test/fixtures/documents/', import.meta.url);
/** PDFs in the shapes WPS, Word and 极速PDF write (test/fixtures/build/make-producer-fixtures.ts). */
const PRODUCERS = new URL('../../../test/fixtures/producers/', import.meta.url);
const DOCUMENTS = [
  ...readdirSync(DIR).filter((f) => /\.(html|docx|pdf)$/.test(f)),
  ...readdirSync(PRODUCERS)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => `../producers/${f}`),
].sort();

function truthOf(file: string): Report {
  const stem = file
    .replace(/^\.\.\/producers\//, '')
    .replace(
      /\.(gbk\.html|html|lo\.docx|docxjs\.docx|lo\.pdf|chromium\.pdf|lo\.owner-encrypted\.pdf|wps\.pdf|word\.pdf|jisu\.pdf)$/,
      '',
    );
  return parseReport(JSON.parse(readFileSync(new URL(`${stem}.truth.json`, DIR), 'utf8')));
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** What must match exactly in every format, and what only modulo layout (PDF spacing, page furniture). */
function expected(report: Report, file: string) {
  const c = comparable(report) as Report;
  const pdf = file.endsWith('.pdf');
  return {
    ...c,
    title: squeeze(c.title ?? ''),
    // The docx-package documents carry no publication date; the web pages print it in their header.
    publishedOn: file.endsWith('.docxjs.docx') ? null : c.publishedOn,
    sections: pdf
      ? {
          overview: squeeze(c.sections.overview),
          problems: squeeze(c.sections.problems),
          other: squeeze(c.sections.other),
        }
      : c.sections,
  };
}

describe('readReportDocument on the fixture documents', () => {
  it.each(DOCUMENTS)('reads %s back to its truth', async (file) => {
    const { report } = await readReportDocument(readFileSync(new URL(file, DIR)), file);
    expect(expected(report, file)).toEqual(expected(truthOf(file), file));
  });

  it.each(DOCUMENTS)('finds in %s every table error its truth has', async (file) => {
    const ingest = await readReportDocument(readFileSync(new URL(file, DIR)), file);
    const key = (f: Finding) =>
      `${f.ruleId} ${f.location.table ?? ''} ${f.location.rowKey ?? f.location.rowLabel ?? ''} ${(f.location.columns ?? []).join('/')}`;
    const tableErrors = (findings: Finding[]) =>
      findings
        .filter((f) => f.assessable && f.severity === 'error' && /^T[234]-/.test(f.ruleId))
        .map(key)
        .sort();
    expect(tableErrors(checkReport(ingest.report, ingest))).toEqual(
      expect.arrayContaining(tableErrors(validateReport(truthOf(file)))),
    );
  });
});

const BAD: Record<string, string> = JSON.parse(readFileSync(new URL('bad-inputs.json', DIR), 'utf8'));

/**
 * A Word 97–2003 document renamed to .docx is bad input for the DOCX reader (read-docx.test.ts
 * still refuses it), but readReportDocument tells formats by content since Word 97 files are
 * read (issue 17): it reads it as the document it is.
 */
const READ_BY_CONTENT: Record<string, string> = { 'bad/word97-renamed.docx': 'seed-001' };

describe('readReportDocument on a renamed Word 97 document', () => {
  it.each(Object.keys(READ_BY_CONTENT))('reads %s by its content', async (file) => {
    const { report, format } = await readReportDocument(readFileSync(new URL(file, DIR)), file);
    const truth = truthOf(`${READ_BY_CONTENT[file]}.html`);
    expect(format).toBe('doc');
    expect([report.table2, report.table3, report.table4]).toEqual([truth.table2, truth.table3, truth.table4]);
  });
});

describe('readReportDocument on bad input', () => {
  it.each(Object.keys(BAD).filter((f) => !(f in READ_BY_CONTENT)))(
    'refuses %s with a clear reason',
    async (file) => {
      const bytes = readFileSync(new URL(file, DIR));
      const error = await readReportDocument(bytes, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'AppError' });
      expect((error as Error).message).toMatch(/[\u4e00-\u9fa5]/);
      expect((error as Error).message).not.toMatch(/\n|at .*\.(ts|js):\d+/);
    },
  );
});
