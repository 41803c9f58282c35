import { describe, expect, it } from 'vitest';
import { decodeHtml } from './html-encoding.ts';
import { scanHtml } from './html-events.ts';
import { HtmlLineBuilder } from './html-line-builder.ts';
import { unreadContents } from './unread-contents.ts';

function lines(bytes: Uint8Array, omit: boolean) {
  const { text } = decodeHtml(bytes, { withoutUnreadContents: omit });
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
  'a navigation menu':
    '<div><nav class="m"><ul><li><a href="/">首页</a><li>政务<ul><li>公开</ul></ul><br/></nav><p>十三</p></div>',
  'nested navigation with a script': '<nav><nav>甲</nav><script>"</nav>"</script>乙</nav><p>十四</p>',
  'a navigation closing an outer element': '<div><nav><ul><li>菜单</ul></div><p>十五</p></nav>',
  'a stray </p> inside navigation': '<p>十六<nav>菜单</p></nav>尾',
  'a select closing the button it is in': '<button>按钮<select><option>甲</select>十七</button>',
  'a navigation never closed': '<nav><ul><li>菜单</ul><p>十八</p>',
};

/** What each page leaves out, read off the pages above by hand (in order). */
const OMITTED: Record<keyof typeof PAGES, string[]> = {
  plain: ['\nvar a = "<p>不是段落</p>";\n'],
  'a comment holding a script tag': ['x()'],
  'an attribute holding a script tag': ['p{}'],
  'a textarea and a title holding script tags': ['y'],
  'a self-closing script and upper case': ['z'],
  'a script end tag that is not one': ['a</scripts>b</script/>c'],
  'CDATA and a declaration': ['\n\n'],
  'an unterminated script': [],
  'quoted > in an attribute': ['\n'],
  'a navigation menu': ['<ul><li><a href="/">首页</a><li>政务<ul><li>公开</ul></ul><br/>'],
  'nested navigation with a script': ['<nav>甲</nav><script>"</nav>"</script>乙'],
  'a navigation closing an outer element': [],
  'a stray </p> inside navigation': [],
  // The button is read as before; the select inside it is left out.
  'a select closing the button it is in': ['<option>甲'],
  'a navigation never closed': [],
};

describe('unreadContents', () => {
  it.each(Object.keys(PAGES) as (keyof typeof PAGES)[])('finds what the reader never reads: %s', (key) => {
    const bytes = new TextEncoder().encode(PAGES[key]);
    const ranges = unreadContents(bytes);
    const found: string[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      found.push(Buffer.from(bytes.subarray(ranges[i]!, ranges[i + 1]!)).toString('utf8'));
    }
    expect(found).toEqual(OMITTED[key]);
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
