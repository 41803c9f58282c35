/** The pieces random markup is made of. */
export interface MarkupVocabulary {
  texts: readonly string[];
  /** Comments, CDATA, declarations, stray end tags: put between elements as they are. */
  oddities: readonly string[];
  names: readonly string[];
  /** Attribute lists with their leading space, or ''. */
  attributes: readonly string[];
}

export interface MarkupShape {
  /** Children of an element: 0 to this many, less one. */
  children: number;
  /** Share of elements written self-closing (`<x/>`). */
  selfClosing: number;
  /** Below this depth every element is self-closing. */
  depth: number;
  /** Share of elements given their end tag; the others are left open. */
  closed: number;
}

/**
 * Random markup for comparing a scanner with a reference parser, malformed on purpose: elements
 * left open, stray end tags, oddities between elements. `next` is a seeded generator
 * (test/support/random.ts), so that a failing document can be made again.
 */
export function randomMarkup(
  next: () => number,
  words: MarkupVocabulary,
  shape: MarkupShape,
  depth = 0,
): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let markup = '';
  const count = Math.floor(next() * shape.children);
  for (let i = 0; i < count; i += 1) {
    const roll = next();
    if (roll < 0.25) markup += pick(words.texts);
    else if (roll < 0.35) markup += pick(words.oddities);
    else {
      const name = pick(words.names);
      const attributes = pick(words.attributes);
      if (next() < shape.selfClosing || depth > shape.depth) markup += `<${name}${attributes}/>`;
      else {
        const content = randomMarkup(next, words, shape, depth + 1);
        markup += `<${name}${attributes}>${content}${next() < shape.closed ? `</${name}>` : ''}`;
      }
    }
  }
  return markup;
}
