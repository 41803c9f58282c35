import type { ColorSpace } from './drawing-ops.ts';
import type { TextItem } from './text-items.ts';
import type { TextState } from './text-state.ts';

/** Most nested Form XObjects followed. */
export const MAX_FORM_DEPTH = 12;
/** Most operators interpreted on one page (content and its forms). */
export const MAX_OPERATORS_PER_PAGE = 5_000_000;

/** What a page's content streams give: pdfjs-style text items and the drawing collectRules reads. */
export interface PageDrawing {
  items: TextItem[];
  /** Every item pdfjs would have emitted, whitespace included. */
  itemCount: number;
  fnArray: number[];
  argsArray: unknown[];
  /** Set when the drawing used colours this reader does not convert as pdfjs does. */
  rulesUnsupported: boolean;
}

export interface GraphicsState {
  text: TextState;
  fillSpace: ColorSpace;
  strokeSpace: ColorSpace;
}
