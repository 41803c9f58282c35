import type { SourceRef } from '../../../core/report/schema.ts';
import type { SourceLine } from '../source-document.ts';
import { sourceOf } from './source-ref.ts';

export interface Paragraph {
  text: string;
  source: SourceRef;
  /** Where each physical line joined into the paragraph starts: character offset → line (and page). */
  lineStarts: Array<{ at: number; line: number; page?: number }>;
}

const HEADING = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．]|[一二三四五六]、)/;
const ENDS_SENTENCE = /[。；！？）)]$/;
/** A sentence break followed by more text: the line is a paragraph that starts with a numbered title. */
const SENTENCE_INSIDE = /[。；！？]./;
const MAX_HEADING_LENGTH = 40;

/**
 * Joins physical lines into paragraphs: a line that does not end a sentence continues on the next
 * one (text exports and PDFs wrap paragraphs), unless it is a short heading or the next line
 * starts a new numbered item.
 */
export function joinParagraphs(lines: readonly SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let previousLineWasHeading = false;
  for (const line of lines) {
    const { cells } = line;
    const text =
      cells.length === 1
        ? cells[0]!.trim()
        : cells
            .map((c) => c.trim())
            .filter((c) => c !== '')
            .join(' ');
    if (text === '') continue;
    const previous = out[out.length - 1];
    const previousIsHeading =
      previousLineWasHeading ||
      (previous !== undefined &&
        HEADING.test(previous.text) &&
        previous.text.length <= MAX_HEADING_LENGTH &&
        !SENTENCE_INSIDE.test(previous.text));
    const page = line.page;
    if (
      previous &&
      !ENDS_SENTENCE.test(previous.text) &&
      !previousIsHeading &&
      !HEADING.test(text) &&
      line.heading === undefined
    ) {
      previous.lineStarts.push(
        page === undefined
          ? { at: previous.text.length, line: line.line }
          : { at: previous.text.length, line: line.line, page },
      );
      previous.text += text;
    } else {
      const lineStart = page === undefined ? { at: 0, line: line.line } : { at: 0, line: line.line, page };
      out.push({ text, source: sourceOf(line), lineStarts: [lineStart] });
    }
    previousLineWasHeading = line.heading !== undefined;
  }
  for (const p of out) p.source.text = p.text.length > 120 ? `${p.text.slice(0, 120)}…` : p.text;
  return out;
}
