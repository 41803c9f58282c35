import type { Report, SourceRef } from '../../report/schema.ts';

/** The three narrative sections, and the preamble before section 一 (where the 条例 is usually cited). */
export type NarrativeSection = 'preamble' | 'overview' | 'problems' | 'other';

export interface NarrativeParagraph {
  text: string;
  /** Where the paragraph starts in the source document, when it was read from one. */
  source?: SourceRef;
  /** For a paragraph joined from several source lines: where each line starts (character offset). */
  lineStarts?: Array<{ at: number; line: number; page?: number }>;
}

export type NarrativeParagraphs = Record<NarrativeSection, NarrativeParagraph[]>;

export interface Sentence {
  section: NarrativeSection;
  text: string;
  paragraph: NarrativeParagraph;
  /** Index of the sentence in its paragraph. */
  index: number;
  /** Character offset of the sentence in its paragraph. */
  at: number;
}

/** Paragraphs of a report that was not read from a document: its section texts split on newlines. */
export function paragraphsOfReport(report: Report): NarrativeParagraphs {
  const split = (text: string) =>
    text
      .split('\n')
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .map((t) => ({ text: t }));
  return {
    preamble: [],
    overview: split(report.sections.overview),
    problems: split(report.sections.problems),
    other: split(report.sections.other),
  };
}

/** Splits a paragraph into sentences at 。！？； (the mark stays with its sentence). */
export function sentencesOf(section: NarrativeSection, paragraph: NarrativeParagraph): Sentence[] {
  const sentences: Sentence[] = [];
  for (const m of paragraph.text.matchAll(/[^。！？；]+[。！？；]?/g)) {
    const text = m[0].trim();
    if (text !== '') sentences.push({ section, text, paragraph, index: sentences.length, at: m.index });
  }
  return sentences;
}

/**
 * The sentences of each section, split once per paragraphs object: every narrative rule walks
 * them, so a report is split once rather than once per rule. Keyed by the object (paragraphs are
 * not changed once read), so nothing is kept after they are gone.
 */
const SPLIT = new WeakMap<NarrativeParagraphs, Partial<Record<NarrativeSection, Sentence[]>>>();

const JOINED = new WeakMap<NarrativeParagraphs, Map<string, Sentence[]>>();

function sectionSentences(paragraphs: NarrativeParagraphs, section: NarrativeSection): Sentence[] {
  let bySection = SPLIT.get(paragraphs);
  if (!bySection) {
    bySection = {};
    SPLIT.set(paragraphs, bySection);
  }
  let sentences = bySection[section];
  if (sentences === undefined) {
    sentences = [];
    for (const p of paragraphs[section]) for (const s of sentencesOf(section, p)) sentences.push(s);
    bySection[section] = sentences;
  }
  return sentences;
}

export function allSentences(
  paragraphs: NarrativeParagraphs,
  sections: NarrativeSection[] = ['preamble', 'overview', 'problems', 'other'],
): Sentence[] {
  if (sections.length === 1) return sectionSentences(paragraphs, sections[0]!);
  const key = sections.join(',');
  let joined = JOINED.get(paragraphs);
  if (!joined) {
    joined = new Map();
    JOINED.set(paragraphs, joined);
  }
  let sentences = joined.get(key);
  if (!sentences) {
    sentences = sections.flatMap((section) => sectionSentences(paragraphs, section));
    joined.set(key, sentences);
  }
  return sentences;
}

const MAX_QUOTE = 80;

export function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

/** The location of a finding about a sentence: its section, and the paragraph's source with the sentence quoted. */
export function sentenceLocation(sentence: Sentence) {
  const starts = sentence.paragraph.lineStarts ?? [];
  const start = [...starts].reverse().find((s) => s.at <= sentence.at);
  const where = start ? { line: start.line, ...(start.page !== undefined ? { page: start.page } : {}) } : {};
  return {
    section: sentence.section,
    source: { ...(sentence.paragraph.source ?? {}), ...where, text: quote(sentence.text) },
  };
}
