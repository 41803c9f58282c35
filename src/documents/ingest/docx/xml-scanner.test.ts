import { Buffer } from 'node:buffer';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { random } from '../../../../test/support/random.ts';
import { randomMarkup } from '../../../../test/support/random-markup.ts';
import { scanXml } from './xml-scanner.ts';

/** Events as comparable strings; adjacent text pieces are joined (parsers may split text anywhere). */
function collect(push: (event: string) => void) {
  let text = '';
  const flush = () => {
    if (text !== '') push(`text ${text}`);
    text = '';
  };
  return {
    open(name: string, attributes: Record<string, string>) {
      flush();
      push(`open ${name} ${JSON.stringify(attributes)}`);
    },
    close(name: string) {
      flush();
      push(`close ${name}`);
    },
    text(data: string) {
      text += data;
    },
    end: flush,
  };
}

/**
 * The reference: htmlparser2 in XML mode, the parser the DOCX reader used before the scanner,
 * with the events of elements not `reported` left out.
 */
function referenceEvents(xml: string, reported: ReadonlySet<string>): string[] {
  const events: string[] = [];
  const sink = collect((event) => events.push(event));
  const parser = new Parser(
    {
      onopentag: (name, attributes) => reported.has(name) && sink.open(name, attributes),
      onclosetag: (name) => reported.has(name) && sink.close(name),
      ontext: (data) => sink.text(data),
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  sink.end();
  return events;
}

/** The scanner's events for the `reported` elements, asking for exactly the attributes the reference reports. */
function scannerEvents(xml: string, reference: string[], reported: readonly string[]): string[] {
  const events: string[] = [];
  const sink = collect((event) => events.push(event));
  const opened = reference.filter((event) => event.startsWith('open '));
  // Numbered by local name; the names of a test have distinct local names.
  const elements = new Map(reported.map((name, index) => [name.slice(name.indexOf(':') + 1), index + 1]));
  const nameOf = (element: number) => reported[element - 1]!;
  let index = 0;
  scanXml(Buffer.from(xml, 'utf8'), {
    elements,
    open(element, attributes) {
      const expected = opened[index++];
      const keys = expected ? Object.keys(JSON.parse(expected.slice(expected.indexOf('{')))) : [];
      sink.open(
        nameOf(element),
        Object.fromEntries(keys.map((key) => [key, attributes.get(key) ?? '(absent)'])),
      );
    },
    close: (element) => sink.close(nameOf(element)),
    text: (text) => sink.text(text.read()),
  });
  sink.end();
  return events;
}

/** A handler's `elements` for these local names, and the name of an element's number. */
function numbered(...names: string[]) {
  return {
    elements: new Map(names.map((name, index) => [name, index + 1])),
    name: (element: number) => names[element - 1]!,
  };
}

const TEXTS = [
  '表三',
  ' 12 ',
  'a&amp;b',
  '&lt;x&gt;',
  '&#20013;&#x6587;',
  '&nbsp;',
  'x > y',
  '全角　空格',
  '&#0;',
];
const NAMES = ['w:p', 'w:r', 'w:t', 'w:tbl', 'w:tc', 'w:pStyle', 'w:vMerge', 'mc:Fallback', 'x'];
const ATTRIBUTES = [
  '',
  ' w:val="restart"',
  " w:val='Heading1'",
  ' w:type="paragraph" w:styleId="a1"',
  ' w:styleId="h&amp;1&#x41;"',
  ' x="a>b" w:val="2"',
  ' w:val = "3" ',
  ' w:val="标题 2"',
];
const ODDITIES = ['<!-- <w:t>x</w:t> -->', '<![CDATA[a&amp;<b>]]>', '<?pi x?>', '</w:p>', '</nothing>'];

const WORDS = { texts: TEXTS, oddities: ODDITIES, names: NAMES, attributes: ATTRIBUTES };
// One element in ten is left unclosed: the events must still match.
const SHAPE = { children: 5, selfClosing: 0.3, depth: 5, closed: 0.9 };

describe('scanXml', () => {
  it('gives the events of htmlparser2 in XML mode on 3,000 random documents, malformed ones included', () => {
    const next = random(20261122);
    const reported = ['w:document', ...NAMES];
    let withEntities = 0;
    for (let round = 0; round < 3_000; round += 1) {
      const xml = `<?xml version="1.0"?><w:document>${randomMarkup(next, WORDS, SHAPE)}</w:document>`;
      const reference = referenceEvents(xml, new Set(reported));
      if (reference.some((event) => event.startsWith('text') && /[<>&中]/.test(event))) withEntities += 1;
      expect(scannerEvents(xml, reference, reported), xml).toEqual(reference);
    }
    // The comparison covered decoded entities, not only plain text.
    expect(withEntities).toBeGreaterThan(300);
  });

  it('reports only the elements the handler names, and all the text, on 1,000 random documents', () => {
    const next = random(7);
    const reported = ['w:p', 'w:t', 'mc:Fallback'];
    for (let round = 0; round < 1_000; round += 1) {
      const xml = `<w:document>${randomMarkup(next, WORDS, SHAPE)}</w:document>`;
      const reference = referenceEvents(xml, new Set(reported));
      expect(scannerEvents(xml, reference, reported), xml).toEqual(reference);
    }
  });

  it('decodes entities in text and attributes, keeps CDATA as printed and skips comments', () => {
    const xml = '<a v="1&amp;2&#x4E2D;"><!-- <b/> -->x&lt;y&#22269;<![CDATA[&amp;]]></a>';
    const seen: string[] = [];
    const { elements, name } = numbered('a', 'b');
    scanXml(Buffer.from(xml), {
      elements,
      open: (element, attributes) =>
        seen.push(`${name(element)}:${attributes.get('v')}:${attributes.get('w')}`),
      close: (element) => seen.push(`/${name(element)}`),
      text: (text) => seen.push(text.read()),
    });
    expect(seen).toEqual(['a:1&2中:undefined', 'x<y国', '&amp;', '/a']);
  });

  it('ends cleanly on truncated input, closing what is open', () => {
    const seen: string[] = [];
    const { elements, name } = numbered('a', 'b', 'c');
    scanXml(Buffer.from('<a><b>text<c x="unterminated'), {
      elements,
      open: (element) => seen.push(name(element)),
      close: (element) => seen.push(`/${name(element)}`),
      text: (text) => seen.push(text.read()),
    });
    expect(seen).toEqual(['a', 'b', 'text', '/b', '/a']);
  });

  it('skips the content of the elements the handler asks it to, up to their own end tag', () => {
    const xml =
      '<w:r><w:rPr><w:b/><w:rPrChange><w:t>old</w:t></w:rPrChange></w:rPr ><w:t>kept</w:t></w:r>' +
      '<w:rPrX>also kept</w:rPrX><w:rPr>never closed<w:t>lost</w:t>';
    const seen: string[] = [];
    const { elements, name } = numbered('r', 'rPr', 'b', 'rPrChange', 't', 'rPrX');
    scanXml(Buffer.from(xml), {
      elements,
      open: (element) => seen.push(`w:${name(element)}`),
      close: (element) => seen.push(`/w:${name(element)}`),
      text: (text) => seen.push(text.read()),
      skipContent: (element) => name(element) === 'rPr',
    });
    expect(seen).toEqual([
      'w:r',
      'w:rPr',
      '/w:rPr',
      'w:t',
      'kept',
      '/w:t',
      '/w:r',
      'w:rPrX',
      'also kept',
      '/w:rPrX',
      'w:rPr',
      '/w:rPr',
    ]);
  });
});
