import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  badInputs,
  compareWithTruth,
  findRow,
  fixtureDocuments,
  loadTruth,
  missingParagraphs,
  readFixture,
} from '../../../../test/support/document-fixtures.ts';
import { deeplyNestedDocx } from '../../../../test/support/hostile-files.ts';
import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS } from '../source-document.ts';
import { readDocx } from './read-docx.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

function docx(body: string, styles?: string, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`,
    ),
  };
  if (styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
  return zipSync(files, { level });
}

const p = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, properties = ''): string =>
  `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await readDocx(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readDocx to refuse the input');
}

describe('readDocx', () => {
  it('reads paragraphs with headings from style names, ids and outline levels', async () => {
    // Chinese Word gives its built-in headings ids like "1"; the name says what they are.
    const styles = `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My Title"/><w:basedOn w:val="1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>`;
    const body = [
      p('某某局2024年政府信息公开工作年度报告', '1'),
      p('一、总体情况', 'a5'),
      p('副标题', 'MyTitle'),
      p('正文', 'Body'),
      '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>（一）主动公开</w:t></w:r></w:p>',
      p('无样式表时', 'Heading4'),
    ].join('');
    const doc = await readDocx(docx(body, styles));
    expect(doc.format).toBe('docx');
    expect(doc.lines.map((line) => [line.cells[0], line.heading, line.line])).toEqual([
      ['某某局2024年政府信息公开工作年度报告', 1, 1],
      ['一、总体情况', 2, 2],
      ['副标题', 1, 3],
      ['正文', undefined, 4],
      ['（一）主动公开', 3, 5],
      ['无样式表时', 4, 6],
    ]);
  });

  it('reads each document with its own styles, also when the styles of another were read just before', async () => {
    // Same length, one byte apart: a heading in the first, body text in the second.
    const heading = '<w:style w:type="paragraph" w:styleId="S1"><w:name w:val="heading 1"/></w:style>';
    const body = '<w:style w:type="paragraph" w:styleId="S1"><w:name w:val="heading 9"/></w:style>';
    const levels = async (styles: string) =>
      (await readDocx(docx(p('标题', 'S1'), styles))).lines.map((line) => line.heading);
    expect(await levels(heading)).toEqual([1]);
    expect(await levels(body)).toEqual([undefined]);
    expect(await levels(heading)).toEqual([1]);
  });

  it('joins runs, turns tabs and breaks into spaces, and skips deletions, field codes and empty paragraphs', async () => {
    const body = `<w:p><w:r><w:t>全年收到</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r><w:r><w:t>件</w:t><w:tab/><w:t>申请</w:t><w:br/><w:t>完</w:t></w:r>
      <w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p/><w:p><w:r><w:t>第二段</w:t></w:r></w:p>`;
    const doc = await readDocx(docx(body));
    expect(doc.lines.map((line) => [line.cells, line.line])).toEqual([
      [['全年收到12件 申请 完'], 1],
      [['第二段'], 3],
    ]);
  });

  it('makes each table row one line: gridSpan cells once, vMerge continuations left out, nested tables flattened', async () => {
    const table = `<w:tbl>
      <w:tr>${tc(p('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), '<w:gridSpan w:val="2"/>')}${tc(p('自然人'))}${tc(p('总计'))}</w:tr>
      <w:tr>${tc(p('三、本年度办理结果'), '<w:vMerge w:val="restart"/>')}${tc(p('（一）予以公开'))}${tc(p('1'))}${tc(p('1'))}</w:tr>
      <w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('（二）部分公开') + p('（区分处理的，只计这一情形，不计其他情形）'))}${tc(p('2'))}${tc('<w:p/>')}</w:tr>
      <w:tr>${tc('<w:p/>', '<w:vMerge w:val="continue"/>')}${tc(`<w:tbl><w:tr>${tc(p('内'))}${tc(p('表'))}</w:tr></w:tbl>`)}${tc(p('3'))}${tc(p('3'))}</w:tr>
    </w:tbl>`;
    const doc = await readDocx(docx(p('三、收到和处理政府信息公开申请情况') + table + p('四、…')));
    expect(doc.lines.map((line) => [line.cells, line.inTable, line.table, line.line])).toEqual([
      [['三、收到和处理政府信息公开申请情况'], false, undefined, 1],
      [
        ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '自然人', '总计'],
        true,
        0,
        2,
      ],
      [['三、本年度办理结果', '（一）予以公开', '1', '1'], true, 0, 3],
      [['（二）部分公开 （区分处理的，只计这一情形，不计其他情形）', '2', ''], true, 0, 4],
      [['内 表', '3', '3'], true, 0, 5],
      [['四、…'], false, undefined, 6],
    ]);
  });

  it('reads text boxes once, not their VML fallback copy', async () => {
    const box = (text: string): string => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('文本框内容')}</w:drawing></mc:Choice>
      <mc:Fallback><w:pict>${box('文本框内容')}</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚定段落</w:t></w:r></w:p>`;
    const doc = await readDocx(docx(body));
    expect(doc.lines.map((line) => line.cells[0])).toEqual(['文本框内容', '锚定段落']);
  });

  it('refuses what is not a DOCX', async () => {
    expect((await refusal(new Uint8Array())).message).toContain('文件为空');
    expect((await refusal(strToU8('hello'))).code).toBe('UNSUPPORTED_FORMAT');
    const noDocument = await refusal(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
    expect(noDocument.code).toBe('UNSUPPORTED_FORMAT');
    expect(noDocument.message).toContain('word/document.xml');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(ole)).message).toContain('.doc');
    expect((await refusal(docx('<w:p/>'))).message).toContain('没有可读取的文字');
  });

  it('refuses a part of too many or too deeply nested elements by its own budget', async () => {
    const { maxMarkupElements, maxMarkupDepth } = INGEST_LIMITS;
    // Empty runs, one paragraph of them, stored (a compressed part this repetitive is refused by
    // its compression ratio first).
    const runs = (count: number) =>
      docx(`<w:p><w:r><w:t>正文</w:t></w:r>${'<w:r/>'.repeat(count)}</w:p>`, undefined, 0);
    const many = await refusal(runs(maxMarkupElements));
    expect(many.code).toBe('DOCUMENT_REFUSED');
    expect(many.message).toContain('元素过多');
    expect(many.message).toContain(maxMarkupElements.toLocaleString('en-US'));
    // Under the budget (the document, body and paragraph elements included) it is read.
    expect((await readDocx(runs(maxMarkupElements - 10))).lines).toHaveLength(1);
    // Tables nested in cells: three elements a level.
    const deep = await refusal(new Uint8Array(deeplyNestedDocx(Math.ceil(maxMarkupDepth / 3) + 1)));
    expect(deep.code).toBe('DOCUMENT_REFUSED');
    expect(deep.message).toContain(`嵌套超过 ${maxMarkupDepth} 层`);
    expect((await readDocx(new Uint8Array(deeplyNestedDocx(10)))).lines.length).toBeGreaterThan(0);
  });
});

describe('readDocx on the fixture documents', () => {
  const documents = fixtureDocuments('docx');

  it.each(documents.map((document) => [document.file, document] as const))(
    '%s: tables 二, 三 and 四 print exactly the truth, paragraphs are all read',
    async (_file, document) => {
      const doc = await readDocx(readFixture(document.file));
      const truth = loadTruth(document);
      expect(compareWithTruth(doc, truth)).toEqual([]);
      expect(missingParagraphs(doc, truth)).toEqual([]);
    },
  );

  it('puts the 部分公开 row of table 三 on one line with the truth values', async () => {
    for (const document of documents) {
      const found = findRow(await readDocx(readFixture(document.file)), /部分公开/, 7);
      expect(found?.row.values.slice(0, 7)).toEqual(loadTruth(document).table3.partial);
    }
  });

  const expected: Record<string, RegExp> = {
    'bad/empty.docx': /文件为空/,
    'bad/garbage.docx': /不是 DOCX/,
    'bad/word97-renamed.docx': /旧版 Word/,
    'bad/zip-bomb.docx': /上限/,
  };
  it.each(Object.keys(badInputs()).filter((file) => file.endsWith('.docx')))('refuses %s', async (file) => {
    const error = await refusal(readFixture(file));
    expect(['DOCUMENT_REFUSED', 'UNSUPPORTED_FORMAT']).toContain(error.code);
    expect(error.message).toMatch(expected[file] ?? /./);
    expect(error.message).not.toMatch(/[A-Za-z]{12,}/);
  });
});
