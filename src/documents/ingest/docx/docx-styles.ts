import { scanXml } from './xml-scanner.ts';

/** Heading level (1–6) of each paragraph style id that is a heading; other styles are absent. */
export type HeadingStyles = ReadonlyMap<string, number>;

interface StyleDefinition {
  name: string;
  basedOn: string | null;
  /** w:outlineLvl of the style, 0-based (0 = heading 1, 9 = body text); null when not set. */
  outlineLevel: number | null;
}

/**
 * Heading level of a style by its name: English "heading 1" (also what Chinese Word writes as
 * w:name for its built-in 标题 1) or a localised "标题 1".
 */
export function headingLevelOfName(name: string): number | null {
  const match = /^(?:heading|标题)\s*([1-6])$/i.exec(name.trim());
  return match ? Number(match[1]) : null;
}

/** Level of a w:outlineLvl value (0-based); null for body text (9) and out-of-range values. */
export function headingLevelOfOutline(value: number | null): number | null {
  return value !== null && value >= 0 && value <= 5 ? value + 1 : null;
}

const STYLE = 1;
const NAME = 2;
const BASED_ON = 3;
const OUTLINE_LVL = 4;
/** The elements of styles.xml read, by local name; `depth` counts only these. */
const STYLE_ELEMENTS: ReadonlyMap<string, number> = new Map([
  ['style', STYLE],
  ['name', NAME],
  ['basedOn', BASED_ON],
  ['outlineLvl', OUTLINE_LVL],
]);

/**
 * Reads word/styles.xml: a paragraph style is a heading when its name is "heading N"/"标题 N",
 * or it has (or inherits through w:basedOn) an outline level 0–5. Chinese Word gives built-in
 * headings ids like "1" or "2", so ids alone are not trusted.
 */
export function readHeadingStyles(xml: Uint8Array): HeadingStyles {
  const styles = new Map<string, StyleDefinition>();
  let current: StyleDefinition | null = null;
  let currentId: string | null = null;
  let depth = 0;
  let styleDepth = -1;
  scanXml(xml, {
    elements: STYLE_ELEMENTS,
    open(element, attributes) {
      depth += 1;
      if (
        element === STYLE &&
        attributes.get('w:type') !== 'character' &&
        attributes.get('w:type') !== 'table'
      ) {
        currentId = attributes.get('w:styleId') ?? null;
        current = { name: '', basedOn: null, outlineLevel: null };
        styleDepth = depth;
        return;
      }
      if (!current) return;
      const value = attributes.get('w:val');
      if (element === NAME && value !== undefined) current.name = value;
      else if (element === BASED_ON && value !== undefined) current.basedOn = value;
      else if (element === OUTLINE_LVL && value !== undefined) current.outlineLevel = Number(value);
    },
    text() {},
    close() {
      if (depth === styleDepth && current && currentId !== null) {
        styles.set(currentId, current);
        current = null;
        currentId = null;
        styleDepth = -1;
      }
      depth -= 1;
    },
  });
  const levels = new Map<string, number>();
  for (const id of styles.keys()) {
    const level = resolveLevel(styles, id);
    if (level !== null) levels.set(id, level);
  }
  return levels;
}

/** Heading level of a style id when styles.xml is missing or does not define it. */
export function headingLevelOfStyleId(id: string): number | null {
  const match = /^(?:heading|标题)\s*([1-6])$/i.exec(id);
  return match ? Number(match[1]) : null;
}

function resolveLevel(styles: Map<string, StyleDefinition>, id: string): number | null {
  let currentId: string | null = id;
  // basedOn chains are short; the bound guards against cycles in a hostile file.
  for (let step = 0; step < 10 && currentId !== null; step += 1) {
    const style = styles.get(currentId);
    if (!style) return headingLevelOfStyleId(currentId);
    const byName = headingLevelOfName(style.name);
    if (byName !== null) return byName;
    if (style.outlineLevel !== null) return headingLevelOfOutline(style.outlineLevel);
    currentId = style.basedOn;
  }
  return null;
}
