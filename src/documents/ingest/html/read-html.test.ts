import { Buffer } from 'node:buffer';
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
import { largeHtml } from '../../../../test/support/hostile-files.ts';
import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS } from '../source-document.ts';
import { readHtml } from './read-html.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await readHtml(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readHtml to refuse the input');
}

/** GB18030 bytes of a string (TextEncoder only writes UTF-8): the code points used here are all GBK. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return new Uint8Array(
    [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!)),
  );
}

const REPORT = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>页面标题</title>
<style>p { color: red }</style><script>var x = "不应出现";</script></head>
<body>
<nav><a href="/">首页</a> <a href="/gk">政务公开</a></nav>
<header><div>某某市人民政府门户网站</div></header>
<h1>某某局2024年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>
<h2>一、总体情况</h2>
<div>第一段<br>第二段</div>
<ul><li>一是加强领导；</li><li>二是完善制度。</li></ul>
<table border="1">
<tr><td rowspan="2" colspan="2">（本列数据的勾稽关系为：<br>第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>1</td></tr>
<tr><td><p>（二）部分公开</p><p><span>（区分处理的，只计这一情形，不计其他情形）</span></p></td><td><b>2</b></td><td>&nbsp;</td></tr>
</table>
<p style="display:none">隐藏的文字</p>
<footer>版权所有 网站标识码 1234</footer>
</body></html>`;

describe('readHtml', () => {
  it('reads paragraphs, headings and list items with their source lines', async () => {
    const doc = await readHtml(utf8(REPORT));
    expect(doc.format).toBe('html');
    const text = doc.lines.filter((line) => !line.inTable);
    expect(text.map((line) => line.cells)).toEqual([
      ['某某局2024年政府信息公开工作年度报告'],
      ['本报告根据《中华人民共和国政府信息公开条例》编制。'],
      ['一、总体情况'],
      ['第一段'],
      ['第二段'],
      ['一是加强领导；'],
      ['二是完善制度。'],
    ]);
    expect(text[0]).toMatchObject({ heading: 1, line: 7 });
    expect(text[2]).toMatchObject({ heading: 2, line: 9 });
    expect(text[3]).toMatchObject({ line: 10 });
    expect(text[3]!.heading).toBeUndefined();
  });

  it('skips scripts, styles, navigation, hidden elements and site chrome without report words', async () => {
    const all = (await readHtml(utf8(REPORT))).lines.flatMap((line) => line.cells).join('|');
    for (const noise of ['页面标题', '不应出现', 'color', '首页', '门户网站', '隐藏的文字', '网站标识码']) {
      expect(all).not.toContain(noise);
    }
  });

  it('keeps a heading split by <br> a heading on both lines', async () => {
    const doc = await readHtml(utf8('<h1>中卫市数据局<br>2024年政府信息公开工作年度报告</h1><p>正文</p>'));
    expect(doc.lines.map((line) => [line.cells[0], line.heading])).toEqual([
      ['中卫市数据局', 1],
      ['2024年政府信息公开工作年度报告', 1],
      ['正文', undefined],
    ]);
  });

  it('collapses white space inside a paragraph and trims every kind of it at the ends', async () => {
    const html =
      '<p>\u3000\u3000一、总体情况</p><p>甲\n\t乙  丙</p><p>\u00a0丁\u00a0</p><table><tr><td> 12 </td><td>3\n</td></tr></table>';
    const doc = await readHtml(utf8(html));
    expect(doc.lines.map((line) => line.cells)).toEqual([
      ['一、总体情况'],
      ['甲 乙 丙'],
      ['丁'],
      ['12', '3'],
    ]);
  });

  it('survives tables nested deeper than it structures', async () => {
    const nested = `${'<table><tr><td>'.repeat(40)}深处${'</td></tr></table>'.repeat(40)}<p>之后</p>`;
    const doc = await readHtml(utf8(nested));
    expect(doc.lines.map((line) => line.cells.join('|'))).toEqual(['深处', '之后']);
  });

  it('keeps a header that holds the report title', async () => {
    const html = '<body><header><h1>某某局2024年政府信息公开工作年度报告</h1></header><p>正文</p></body>';
    const doc = await readHtml(utf8(html));
    expect(doc.lines.map((line) => line.cells[0])).toEqual(['某某局2024年政府信息公开工作年度报告', '正文']);
  });

  it('makes every <tr> one line; merged cells appear once, <br> and nested markup become text', async () => {
    const rows = (await readHtml(utf8(REPORT))).lines.filter((line) => line.inTable);
    expect(rows.map((row) => row.cells)).toEqual([
      ['（本列数据的勾稽关系为： 第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '1', '1'],
      ['（二）部分公开 （区分处理的，只计这一情形，不计其他情形）', '2', ''],
    ]);
    expect(rows.map((row) => row.line)).toEqual([13, 14, 15, 16]);
    expect(rows.every((row) => row.table === 0)).toBe(true);
  });

  it('reads a page wrapped in a layout table as paragraphs, and the data table inside it as rows', async () => {
    const html = `<table><tr><td>
<h1>某某局年度报告</h1><p>第一段正文，内容较长。</p><p>第二段正文。</p>
<table><tr><td>行政许可</td><td>5</td></tr></table>
</td></tr></table>`;
    const doc = await readHtml(utf8(html));
    expect(doc.lines.map((line) => [line.cells, line.inTable, line.table])).toEqual([
      [['某某局年度报告'], false, undefined],
      [['第一段正文，内容较长。'], false, undefined],
      [['第二段正文。'], false, undefined],
      [['行政许可', '5'], true, 0],
    ]);
  });

  it('decodes a page declared GBK in <meta charset> and in http-equiv', async () => {
    const body = '<p>政府信息公开工作年度报告</p>';
    for (const meta of [
      '<meta charset="gbk">',
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    ]) {
      const doc = await readHtml(gbk(`<html><head>${meta}</head><body>${body}</body></html>`));
      expect(doc.lines[0]!.cells).toEqual(['政府信息公开工作年度报告']);
    }
  });

  it('decodes undeclared GBK bytes, and GBK bytes mislabelled as UTF-8', async () => {
    const undeclared = await readHtml(gbk('<p>年度报告</p>'));
    expect(undeclared.lines[0]!.cells).toEqual(['年度报告']);
    const mislabelled = await readHtml(gbk('<meta charset="utf-8"><p>年度报告</p>'));
    expect(mislabelled.lines[0]!.cells).toEqual(['年度报告']);
  });

  it('honours a UTF-8 byte order mark over a contrary declaration', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="gbk"><p>年度报告</p>')]);
    expect((await readHtml(bytes)).lines[0]!.cells).toEqual(['年度报告']);
  });

  it('refuses empty, binary, oversized and deeply nested input', async () => {
    expect((await refusal(new Uint8Array())).message).toContain('文件为空');
    expect((await refusal(utf8('%PDF-1.7\u0000\u0000binary'))).code).toBe('UNSUPPORTED_FORMAT');
    const oversized = await refusal(new Uint8Array(INGEST_LIMITS.maxFileBytes + 1));
    expect(oversized.code).toBe('DOCUMENT_REFUSED');
    expect(oversized.message).toContain('大小上限');
    expect((await refusal(utf8('<span>'.repeat(5_000)))).message).toContain('嵌套');
    expect((await refusal(utf8('<html><body><script>x</script></body></html>'))).message).toContain(
      '没有可读取的文字',
    );
  });

  it('reads or refuses a 50 MB page in bounded time', async () => {
    const size = INGEST_LIMITS.maxFileBytes - 1024;
    // Millions of short paragraphs: refused at a budget (elements), without building them all.
    const paragraph = '<p>本年新收政府信息公开申请 12 件</p>\n';
    const many = utf8(paragraph.repeat(Math.floor(size / utf8(paragraph).byteLength)));
    expect(many.byteLength).toBeGreaterThan(40 * 1024 * 1024);
    expect((await refusal(many)).message).toContain('上限');
    // One enormous paragraph: read.
    const one = utf8(`<p>${'年度报告'.repeat(Math.floor(size / 12))}</p>`);
    const doc = await readHtml(one);
    expect(doc.lines).toHaveLength(1);
  });

  it('refuses a page of too many elements by its own budget, before decoding it', async () => {
    const { maxMarkupElements } = INGEST_LIMITS;
    // The hostile page of the attack: 49 MB of one table's short rows (about 4 million elements).
    const refused = await refusal(new Uint8Array(largeHtml(49)));
    expect(refused.code).toBe('DOCUMENT_REFUSED');
    expect(refused.message).toContain('HTML 元素过多');
    expect(refused.message).toContain(maxMarkupElements.toLocaleString('en-US'));
    // Counted in UTF-16 pages too (little- and big-endian), where every other byte is 0.
    const tags = `<p>${'<b>多</b>'.repeat(maxMarkupElements)}</p>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tags, 'utf16le')]);
    expect((await refusal(new Uint8Array(le))).message).toContain('元素过多');
    const be = Buffer.from(le.subarray(2)).swap16();
    expect((await refusal(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).message).toContain(
      '元素过多',
    );
    // Just under the budget: read (one paragraph of bold words).
    const under = `<p>${'<b>多</b>'.repeat(maxMarkupElements - 1)}</p>`;
    expect((await readHtml(utf8(under))).lines).toHaveLength(1);
    // "<" before a non-letter (text, "a < b") is no element.
    expect((await readHtml(utf8(`<p>${'1 < 2 '.repeat(maxMarkupElements + 1)}</p>`))).lines).toHaveLength(1);
  });
});

describe('readHtml on the fixture documents', () => {
  const documents = fixtureDocuments('html');

  it.each(documents.map((document) => [document.file, document] as const))(
    '%s: tables 二, 三 and 四 print exactly the truth',
    async (_file, document) => {
      const doc = await readHtml(readFixture(document.file));
      expect(compareWithTruth(doc, loadTruth(document))).toEqual([]);
    },
  );

  it.each(documents.map((document) => [document.file, document] as const))(
    '%s: every paragraph of the truth is read',
    async (_file, document) => {
      const doc = await readHtml(readFixture(document.file));
      expect(missingParagraphs(doc, loadTruth(document))).toEqual([]);
    },
  );

  it('reads the GBK page exactly like its UTF-8 original', async () => {
    const gbkPage = documents.find((document) => document.file.endsWith('.gbk.html'));
    if (!gbkPage) return;
    const original = await readHtml(readFixture(gbkPage.file.replace('.gbk.html', '.html')));
    const decoded = await readHtml(readFixture(gbkPage.file));
    expect(decoded.lines.map((line) => line.cells)).toEqual(original.lines.map((line) => line.cells));
  });

  it('puts the 部分公开 row of table 三 on one line with the truth values', async () => {
    for (const document of documents) {
      const doc = await readHtml(readFixture(document.file));
      const partial = loadTruth(document).table3.partial;
      const found = findRow(doc, /部分公开/, 7);
      expect(found?.row.label).toMatch(/^（二）部分公开|^\(二\)部分公开/);
      expect(found?.row.values.slice(0, 7)).toEqual(partial);
    }
  });

  it('refuses the empty bad input', async () => {
    for (const file of Object.keys(badInputs()).filter((name) => name.endsWith('.html'))) {
      expect((await refusal(readFixture(file))).code).toBe('DOCUMENT_REFUSED');
    }
  });
});
