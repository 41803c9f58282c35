import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './html-encoding.ts';
import { scanHtml } from './html-events.ts';
import { HtmlLineBuilder } from './html-line-builder.ts';
import { scriptAndStyleContents } from './raw-text-ranges.ts';

/** The text inside every <script> and <style> as htmlparser2's own Parser reads the page. */
function parserContents(html: string): string[] {
  const out: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if ((node.type === 'script' || node.type === 'style') && node.children.length > 0) {
        out.push(node.children.map((child) => (child.type === 'text' ? child.data : '')).join(''));
      }
      if ('children' in node) walk(node.children);
    }
  };
  walk(parseDocument(html, { decodeEntities: false }).children);
  return out;
}

function lines(bytes: Uint8Array, omit: boolean) {
  const { text } = decodeHtml(bytes, { withoutScriptsAndStyles: omit });
  const builder = new HtmlLineBuilder(text);
  scanHtml(text, {
    open: (name, attributes, offset) => builder.open(name, attributes, offset),
    close: (name) => builder.close(name),
    text: (data, offset) => builder.text(data, offset),
  });
  return builder.finish();
}

const PAGES = {
  plain: '<p>前</p><script type="text/javascript">\nvar a = "<p>不是段落</p>";\n</script>\n<p>后</p>',
  'a comment holding a script tag': '<!-- <script> --><p>一</p><script>x()</script><p>二</p>',
  'an attribute holding a script tag': '<a title="<script>">链接</a><style>p{}</style><p>三</p>',
  'a textarea and a title holding script tags':
    '<title><script></title><textarea><style></textarea><p>四</p><script>y</script>',
  'a self-closing script and upper case': '<script / ><p>五</p><SCRIPT>z</SCRIPT ><p>六</p>',
  'a script end tag that is not one': '<script>a</scripts>b</script/>c</script><p>七</p>',
  'CDATA and a declaration': '<!DOCTYPE html><![CDATA[<script>]]><p>八</p><style>\n\n</style><p>九</p>',
  'an unterminated script': '<p>十</p><script>never closed <p>十一</p>',
  'quoted > in an attribute': '<div data-x="a>b" class=\'<style>\'>十二</div><script src=x>\n</script>',
};

describe('scriptAndStyleContents', () => {
  it.each(Object.entries(PAGES))('finds what the Parser reads as script and style text: %s', (_, html) => {
    const bytes = new TextEncoder().encode(html);
    const ranges = scriptAndStyleContents(bytes);
    const found: string[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      found.push(Buffer.from(bytes.subarray(ranges[i]!, ranges[i + 1]!)).toString('utf8'));
    }
    // Empty contents leave nothing to omit (a self-closing <script /> holds no raw text either).
    const expected = parserContents(html).filter((text) => text !== '');
    // A script never closed runs to the end of the page: it is left for the Tokenizer to read.
    if (html.includes('never closed')) expected.pop();
    expect(found).toEqual(expected);
  });

  it.each(Object.entries(PAGES))('leaves the lines read unchanged: %s', (_, html) => {
    const bytes = new TextEncoder().encode(html);
    expect(lines(bytes, true)).toEqual(lines(bytes, false));
  });

  it('leaves them unchanged in GB18030 too, line numbers included', () => {
    const html =
      '<meta charset="gbk"><script>\n"政府"\n</script>\n<p>政府信息公开</p><style>\n</style>\n<p>年度报告</p>';
    // Written from the characters' GBK codes (checked by decoding them back below).
    const bytes = Uint8Array.from(encodeGbk(html));
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(html);
    const read = lines(bytes, true);
    expect(read).toEqual(lines(bytes, false));
    expect(read.map((line) => [line.cells[0], line.line])).toEqual([
      ['政府信息公开', 4],
      ['年度报告', 6],
    ]);
  });
});

const GBK: Record<string, number[]> = {
  政: [0xd5, 0xfe],
  府: [0xb8, 0xae],
  信: [0xd0, 0xc5],
  息: [0xcf, 0xa2],
  公: [0xb9, 0xab],
  开: [0xbf, 0xaa],
  年: [0xc4, 0xea],
  度: [0xb6, 0xc8],
  报: [0xb1, 0xa8],
  告: [0xb8, 0xe6],
};

function encodeGbk(text: string): number[] {
  return [...text].flatMap((char) => GBK[char] ?? [char.charCodeAt(0)]);
}
