import { readdirSync, readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { random } from '../../../../test/support/random.ts';
import { randomMarkup } from '../../../../test/support/random-markup.ts';
import { decodeHtml } from './html-encoding.ts';
import { scanHtml } from './html-events.ts';

const FIXTURES = new URL('../../../../test/fixtures/documents/', import.meta.url);

/**
 * Events as comparable strings: open with the attributes the reader uses and the offset, close,
 * text with its offset (both sides split text at the same places: they share the tokenizer).
 */
function referenceEvents(html: string): string[] {
  const events: string[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden = Object.hasOwn(attributes, 'hidden');
        events.push(`open ${name} ${hidden} ${attributes.style} @${parser.startIndex}`);
      },
      onclosetag: (name) => events.push(`close ${name}`),
      ontext: (data) => events.push(`text ${JSON.stringify(data)} @${parser.startIndex}`),
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return events;
}

function scannedEvents(html: string): string[] {
  const events: string[] = [];
  scanHtml(html, {
    open: (name, attributes, offset) =>
      events.push(`open ${name} ${attributes.hidden} ${attributes.style} @${offset}`),
    close: (name) => events.push(`close ${name}`),
    text: (data, offset) => events.push(`text ${JSON.stringify(data)} @${offset}`),
  });
  return events;
}

const TEXTS = [
  '表三',
  ' 12 ',
  'a&amp;b',
  '&lt;x&gt;',
  '&#20013;&#x6587;',
  '&nbsp;',
  '&copy',
  'x > y',
  '\n  ',
];
const NAMES = [
  'p',
  'P',
  'div',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'TD',
  'th',
  'br',
  'hr',
  'li',
  'ul',
  'h2',
  'span',
  'img',
  'svg',
  'select',
  'option',
  'dd',
  'dt',
  'section',
  'header',
];
const ATTRIBUTES = [
  '',
  ' class="gk-num"',
  ' hidden',
  ' HIDDEN="hidden"',
  ' style="display:none"',
  ' STYLE=\'visibility: hidden\' style="x"',
  ' style="color:&#x72;ed" data-x=1',
  ' colspan=2 rowspan="3"',
  ' style',
];
const ODDITIES = [
  '<!-- <p>x</p> -->',
  '<![CDATA[a&amp;<b>]]>',
  '<?php echo 1 ?>',
  '<!DOCTYPE html>',
  '</p>',
  '</br>',
  '</nothing>',
  '<script>if (a < b) { x = "</p>"; }</script>',
  '<style>td { color: red }</style>',
  '<title>a &amp; b</title>',
  '<textarea><p>not a tag</p></textarea>',
  '< notatag',
  '<3',
];

const WORDS = { texts: TEXTS, oddities: ODDITIES, names: NAMES, attributes: ATTRIBUTES };
// A third of the elements are left unclosed, as HTML allows for p, li, td and tr.
const SHAPE = { children: 6, selfClosing: 0.15, depth: 6, closed: 0.66 };

describe('scanHtml', () => {
  it("gives htmlparser2's Parser events, attributes and offsets on 3,000 random pages, malformed ones included", () => {
    const next = random(20261122);
    let implied = 0;
    for (let round = 0; round < 3_000; round += 1) {
      const html = `<html><body>${randomMarkup(next, WORDS, SHAPE)}</body></html>`;
      const reference = referenceEvents(html);
      if (/<(td|tr|li|p)[ >][^/]*<(td|tr|li|p)[ >]/i.test(html)) implied += 1;
      expect(scannedEvents(html), html).toEqual(reference);
    }
    // The comparison covered elements closed by the start of another, not only well-formed pages.
    expect(implied).toBeGreaterThan(300);
  });

  it('gives the same events as the Parser on every HTML fixture', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const { text } = decodeHtml(readFileSync(new URL(name, FIXTURES)));
      expect(scannedEvents(text), name).toEqual(referenceEvents(text));
    }
  });

  it('gives the Parser offsets for a page that ends inside a start tag', () => {
    for (const html of ['<a b="c"/', '<p>正文</p>\n<img\nsrc="a.png"/', '<div x=1 y']) {
      expect(scannedEvents(html), html).toEqual(referenceEvents(html));
    }
  });

  it('keeps the first of repeated style attributes and sees hidden in any case', () => {
    const seen: string[] = [];
    scanHtml('<div STYLE="a" style="b">x</div><p HIDDEN>y', {
      open: (name, attributes) => seen.push(`${name} ${attributes.hidden} ${attributes.style}`),
      close: () => {},
      text: () => {},
    });
    expect(seen).toEqual(['div false a', 'p true undefined']);
  });
});
