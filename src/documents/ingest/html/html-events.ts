import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** The attributes a reader of the events can ask for; others are not even sliced. */
export interface HtmlAttributes {
  /** Whether the element has a `hidden` attribute. */
  hidden: boolean;
  /** The `style` attribute, entities decoded; undefined when absent. */
  style: string | undefined;
}

/** What a reader of scanHtml's events implements. Offsets are character offsets in the text. */
export interface HtmlHandler {
  /** `attributes` is valid during the call only: the scanner reuses the object for the next tag. */
  open(name: string, attributes: HtmlAttributes, offset: number): void;
  close(name: string): void;
  text(data: string, offset: number): void;
}

const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);

/** The heading elements, h1 to h6. */
export const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Elements whose start tag closes open elements of the listed names (htmlparser2 10.1's table). */
export const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (name) => [name, formTags] as [string, ReadonlySet<string>],
  ),
  ...[
    'p',
    ...HEADING_TAGS,
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, pTag] as [string, ReadonlySet<string>]),
]);

export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Lower-cased tag names already seen, in a direct-mapped table by a hash of their characters: a
 * page repeats a few dozen names thousands of times, and one found here is compared in place
 * rather than sliced and lower-cased. Only ASCII names are kept (ASCII case folding is exact).
 */
const NAME_SLOTS = 512;
const knownNames: string[] = new Array(NAME_SLOTS).fill('');

function foldedAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** The lower-cased name text[start, end), as the Parser's `toLowerCase()` gives it. */
function lowerName(text: string, start: number, end: number): string {
  const length = end - start;
  let hash = length;
  for (let at = start; at < end; at += 1) hash = (Math.imul(hash, 31) + foldedAt(text, at)) | 0;
  const slot = hash & (NAME_SLOTS - 1);
  const known = knownNames[slot]!;
  if (known.length === length) {
    let same = true;
    for (let i = 0; i < length && same; i += 1) same = foldedAt(text, start + i) === known.charCodeAt(i);
    if (same) return known;
  }
  const name = text.slice(start, end).toLowerCase();
  if (isAscii(name)) knownNames[slot] = name;
  return name;
}

function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) if (name.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Which attribute is being read: only `hidden` and `style` are kept. */
const OTHER = 0;
const HIDDEN = 1;
const STYLE = 2;

/**
 * Feeds an HTML text through htmlparser2's Tokenizer and gives the events htmlparser2's Parser
 * would give with { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }:
 * the same implied end tags, void elements, a stray </p> as an empty p and </br> as a br, every
 * element still open closed at the end, and `offset` equal to the Parser's startIndex at each
 * event. The Parser itself is not used because it builds every attribute into an object and
 * keeps its open elements in an array it unshifts, which cost more than reading the page.
 */
export function scanHtml(text: string, handler: HtmlHandler): void {
  /** Open elements, innermost last (the Parser keeps them innermost first). */
  const stack: string[] = [];
  let startIndex = 0;
  let openTagStart = 0;
  let tagName = '';
  const attributes: HtmlAttributes = { hidden: false, style: undefined };
  let attribute = OTHER;
  let attributeValue = '';

  const emitOpenTag = (name: string): void => {
    openTagStart = startIndex;
    tagName = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (stack.length > 0 && impliesClose.has(stack[stack.length - 1]!)) handler.close(stack.pop()!);
    }
    if (!VOID_ELEMENTS.has(name)) stack.push(name);
    attributes.hidden = false;
    attributes.style = undefined;
  };
  const endOpenTag = (): void => {
    startIndex = openTagStart;
    handler.open(tagName, attributes, startIndex);
    if (VOID_ELEMENTS.has(tagName)) handler.close(tagName);
    tagName = '';
  };
  const closeCurrentTag = (): void => {
    const name = tagName;
    endOpenTag();
    if (stack[stack.length - 1] === name) {
      handler.close(name);
      stack.pop();
    }
  };

  const callbacks: TokenizerCallbacks = {
    ontext(start, endIndex) {
      handler.text(text.slice(start, endIndex), startIndex);
      startIndex = endIndex;
    },
    ontextentity(codePoint, endIndex) {
      handler.text(String.fromCodePoint(codePoint), startIndex);
      startIndex = endIndex;
    },
    onopentagname(start, endIndex) {
      emitOpenTag(lowerName(text, start, endIndex));
    },
    onopentagend(endIndex) {
      endOpenTag();
      startIndex = endIndex + 1;
    },
    onselfclosingtag(endIndex) {
      closeCurrentTag();
      startIndex = endIndex + 1;
    },
    onclosetag(start, endIndex) {
      const name = lowerName(text, start, endIndex);
      if (!VOID_ELEMENTS.has(name)) {
        const at = stack.lastIndexOf(name);
        if (at !== -1) {
          while (stack.length > at) handler.close(stack.pop()!);
        } else if (name === 'p') {
          emitOpenTag('p');
          closeCurrentTag();
        }
      } else if (name === 'br') {
        attributes.hidden = false;
        attributes.style = undefined;
        handler.open('br', attributes, startIndex);
        handler.close('br');
      }
      startIndex = endIndex + 1;
    },
    onattribname(start, endIndex) {
      // As the Parser: seen only by text that follows a start tag cut off at the end of the page.
      startIndex = start;
      const length = endIndex - start;
      const name = length === 6 || length === 5 ? lowerName(text, start, endIndex) : '';
      attribute = name === 'hidden' ? HIDDEN : name === 'style' ? STYLE : OTHER;
    },
    onattribdata(start, endIndex) {
      if (attribute === STYLE) attributeValue += text.slice(start, endIndex);
    },
    onattribentity(codePoint) {
      if (attribute === STYLE) attributeValue += String.fromCodePoint(codePoint);
    },
    onattribend() {
      // The first of repeated attributes counts, as in the Parser.
      if (attribute === HIDDEN) attributes.hidden = true;
      else if (attribute === STYLE && attributes.style === undefined) attributes.style = attributeValue;
      attribute = OTHER;
      attributeValue = '';
    },
    ondeclaration(_start, endIndex) {
      startIndex = endIndex + 1;
    },
    onprocessinginstruction(_start, endIndex) {
      startIndex = endIndex + 1;
    },
    oncomment(_start, endIndex) {
      startIndex = endIndex + 1;
    },
    oncdata(_start, endIndex) {
      startIndex = endIndex + 1;
    },
    onend() {
      while (stack.length > 0) handler.close(stack.pop()!);
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(text);
  tokenizer.end();
}
