import type { FastFont } from './pdf-font.ts';
import { unsupported } from './pdf-objects.ts';

/** The text state pdfjs's getTextContent keeps (TextState): saved and restored with q/Q. */
export interface TextState {
  ctm: number[];
  font: FastFont | null;
  fontName: string | null;
  fontSize: number;
  textMatrix: number[];
  textLineMatrix: number[];
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

export function newTextState(): TextState {
  return {
    ctm: [1, 0, 0, 1, 0, 0],
    font: null,
    fontName: null,
    fontSize: 0,
    textMatrix: [1, 0, 0, 1, 0, 0],
    textLineMatrix: [1, 0, 0, 1, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  };
}

export function cloneTextState(state: TextState): TextState {
  return { ...state, textMatrix: state.textMatrix.slice(), textLineMatrix: state.textLineMatrix.slice() };
}

export function transform(m1: number[], m2: number[]): number[] {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

export function translateTextMatrix(state: TextState, x: number, y: number): void {
  const m = state.textMatrix;
  m[4] = m[0]! * x + m[2]! * y + m[4]!;
  m[5] = m[1]! * x + m[3]! * y + m[5]!;
}

export function translateTextLineMatrix(state: TextState, x: number, y: number): void {
  const m = state.textLineMatrix;
  m[4] = m[0]! * x + m[2]! * y + m[4]!;
  m[5] = m[1]! * x + m[3]! * y + m[5]!;
}

export function carriageReturn(state: TextState): void {
  translateTextLineMatrix(state, 0, -state.leading);
  state.textMatrix = state.textLineMatrix.slice();
}

/** Whether restoring `now` over `previous` changes the font (the pending item then ends). */
export function fontChanged(now: TextState, previous: TextState): boolean {
  return (
    now.font !== previous.font || now.fontSize !== previous.fontSize || now.fontName !== previous.fontName
  );
}

export function requireFont(text: TextState): void {
  if (!text.font) unsupported('text shown before any Tf');
}
