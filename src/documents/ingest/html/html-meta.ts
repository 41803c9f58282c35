import type { DocumentProperty } from '../source-document.ts';

/** Government sites put the page's metadata in the head; a report page's head is well under this. */
const HEAD_CHARS = 64 * 1024;

/**
 * The <meta> tags that can name the report's agency or publication date, as DocumentProperty:
 * the 政府网站 set (PubDate, ContentSource, SiteName, ArticleTitle…), PublishDate / pubdate, and the
 * Open Graph article:published_time. Only the head (up to </head>, at most HEAD_CHARS) is read.
 */
const WANTED = new Set([
  'pubdate',
  'publishdate',
  'publish_date',
  'article:published_time',
  'contentsource',
  'articletitle',
]);

export function readHtmlMeta(text: string): DocumentProperty[] {
  const end = text.search(/<\/head\s*>|<body\b/i);
  const head = text.slice(0, end >= 0 ? Math.min(end, HEAD_CHARS) : HEAD_CHARS);
  const properties: DocumentProperty[] = [];
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    const name = attribute(tag, 'name') ?? attribute(tag, 'property') ?? attribute(tag, 'itemprop');
    const value = attribute(tag, 'content');
    if (!name || value === null || !WANTED.has(name.toLowerCase())) continue;
    properties.push({ name, value: value.trim(), from: 'html-meta', line: lineAt(text, match.index) });
  }
  return properties;
}

/** The attributes read, each with its pattern compiled once (not once per tag of every page). */
const ATTRIBUTES = {
  name: attributePattern('name'),
  property: attributePattern('property'),
  itemprop: attributePattern('itemprop'),
  content: attributePattern('content'),
};

function attributePattern(name: string): RegExp {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
}

function attribute(tag: string, name: keyof typeof ATTRIBUTES): string | null {
  const m = ATTRIBUTES[name].exec(tag);
  if (!m) return null;
  return (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
