import { describe, expect, it } from 'vitest';
import { collectRules, isVisibleColor, type Matrix, type PathOps } from './pdf-rules.ts';

const OPS: PathOps = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setFillRGBColor: 59,
  setStrokeRGBColor: 58,
};
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
// pdfjs path buffer codes: 0 moveTo, 1 lineTo, 2 curveTo, 4 closePath.
const rectangle = (x: number, y: number, w: number, h: number) => [
  0,
  x,
  y,
  1,
  x + w,
  y,
  1,
  x + w,
  y + h,
  1,
  x,
  y + h,
  4,
];
const path = (paint: number, buffer: number[]) => [paint, [new Float32Array(buffer)], null];

describe('collectRules', () => {
  it('takes the edges of stroked rectangles and lines, and thin dark fills', () => {
    const rules = collectRules(
      [OPS.constructPath, OPS.constructPath, OPS.constructPath],
      [
        path(OPS.stroke, rectangle(10, 10, 100, 20)),
        path(OPS.stroke, [0, 0, 50, 1, 200, 50]),
        path(OPS.fill, rectangle(0, 100, 300, 1)),
      ],
      OPS,
      IDENTITY,
    )!;
    expect(rules.horizontal.map((rule) => [rule.x1, rule.x2, rule.y1])).toEqual([
      [10, 110, 10],
      [10, 110, 30],
      [0, 200, 50],
      [0, 300, 100.5],
    ]);
    expect(rules.vertical.map((rule) => [rule.x1, rule.y1, rule.y2])).toEqual([
      [110, 10, 30],
      [10, 10, 30],
    ]);
  });

  it('ignores curves, thick fills, clipping-only paths and white paint', () => {
    const rules = collectRules(
      [OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath],
      [
        path(OPS.stroke, [0, 0, 0, 2, 10, 10, 20, 10, 30, 0]),
        path(OPS.fill, rectangle(0, 0, 100, 50)),
        path(28, rectangle(0, 0, 100, 1)),
        ['#ffffff'],
        path(OPS.fill, rectangle(0, 200, 100, 1)),
      ],
      OPS,
      IDENTITY,
    )!;
    expect(rules).toEqual({ horizontal: [], vertical: [] });
  });

  it('maps paths through the transforms in force, restored by restore', () => {
    const flip: Matrix = [1, 0, 0, -1, 0, 800];
    const rules = collectRules(
      [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath],
      [
        null,
        [2, 0, 0, 2, 0, 0],
        path(OPS.stroke, [0, 0, 10, 1, 50, 10]),
        null,
        path(OPS.stroke, [0, 0, 10, 1, 50, 10]),
      ],
      OPS,
      flip,
    )!;
    expect(rules.horizontal.map((rule) => [rule.x1, rule.x2, rule.y1])).toEqual([
      [0, 100, 780],
      [0, 50, 790],
    ]);
  });
});

describe('isVisibleColor', () => {
  it('treats near-white as invisible and everything else as visible', () => {
    expect(['#ffffff', '#f7f9fc', '#eeeeee'].map(isVisibleColor)).toEqual([false, false, false]);
    expect(['#000000', '#cccccc', '#808080', '#0b4f9c', undefined].map(isVisibleColor)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
