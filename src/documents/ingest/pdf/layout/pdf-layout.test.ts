import { describe, expect, it } from 'vitest';
import { layoutPage } from './pdf-layout.ts';
import type { PageRules } from './pdf-rules.ts';
import type { TextRun } from './pdf-runs.ts';
import { joinSplitRow } from './pdf-split-row.ts';

const SIZE = 10;

/** A run as a PDF producer writes it: CJK 1 em per character, other characters half an em. */
function run(text: string, x: number, y: number, size = SIZE): TextRun {
  const width = [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e7f ? size : size / 2), 0);
  return { text, x, y, width, size };
}

const h = (y: number, x1: number, x2: number) => ({ x1, x2, y1: y, y2: y });
const v = (x: number, y1: number, y2: number) => ({ x1: x, x2: x, y1, y2 });

/**
 * A ruled table of columns A–D: A spans the first two rows (rowspan), the last row merges A and
 * B (colspan); row 2 has a wrapped label and an empty cell D; the run "12" straddles the C|D rule.
 */
const RULES: PageRules = {
  horizontal: [h(100, 50, 450), h(120, 150, 450), h(150, 50, 450), h(170, 50, 450)],
  vertical: [v(50, 100, 170), v(150, 100, 150), v(250, 100, 170), v(350, 100, 170), v(450, 100, 170)],
};
const TABLE_RUNS: TextRun[] = [
  run('三、本年度', 55, 124),
  run('办理结果', 55, 136),
  run('（一）予以公开', 155, 114),
  run('1', 255, 114),
  run('3', 355, 114),
  run('（二）部分公开（区', 155, 132),
  run('分处理的）', 155, 145),
  run('2', 255, 138),
  run('四、结转', 55, 164),
  run('12', 343, 164),
];

describe('layoutPage with ruled tables', () => {
  const lines = layoutPage(
    [
      run('三、收到和处理政府信息公开申请情况', 50, 80),
      ...TABLE_RUNS,
      run('第 1 页', 280, 30),
      run('- 1 -', 290, 780),
    ],
    RULES,
    600,
    800,
  );

  it('reads each ruled row as one line, merged cells once, wrapped text kept in its cell', () => {
    expect(lines.map((line) => [line.cells, line.inTable])).toEqual([
      [['三、收到和处理政府信息公开申请情况'], false],
      [['三、本年度办理结果', '（一）予以公开', '1', '3'], true],
      [['（二）部分公开（区分处理的）', '2', ''], true],
      [['四、结转', '1', '2'], true],
    ]);
  });

  it('drops page-number headers and footers, and gives the table one group', () => {
    expect(lines.flatMap((line) => line.cells).join('')).not.toMatch(/第 1 页|- 1 -/);
    expect(new Set(lines.filter((line) => line.inTable).map((line) => line.group))).toEqual(new Set([0]));
  });

  it('keeps a lone number in the body of the page', () => {
    const body = layoutPage([run('7', 300, 400)], null, 600, 800);
    expect(body.map((line) => line.cells)).toEqual([['7']]);
  });

  it('reads a row cut by a page break: no rule above it at the top of the page', () => {
    const rules: PageRules = {
      horizontal: [h(80, 50, 250)],
      vertical: [v(50, 50, 80), v(150, 50, 80), v(250, 50, 80)],
    };
    const top = layoutPage([run('信息', 55, 65), run('5', 155, 65)], rules, 600, 800);
    expect(top.map((line) => [line.cells, line.inTable])).toEqual([[['信息', '5'], true]]);
  });

  it('ignores a frame around the whole page', () => {
    const frame: PageRules = {
      horizontal: [h(20, 20, 580), h(780, 20, 580)],
      vertical: [v(20, 20, 780), v(580, 20, 780)],
    };
    const framed = layoutPage([run('第一段', 50, 100), run('第二段', 50, 120)], frame, 600, 800);
    expect(framed.map((line) => [line.cells, line.inTable])).toEqual([
      [['第一段'], false],
      [['第二段'], false],
    ]);
  });
});

describe('layoutPage without rules', () => {
  const lines = layoutPage(
    [
      run('自然人', 200, 300),
      run('总计', 300, 300),
      run('（二）部分公开（区分处理的，', 20, 320),
      run('12', 200, 320),
      run('30', 300, 320),
      run('只计这一情形）', 20, 333),
      run('五、存在的主要问题及改进情况', 20, 360),
      run('本报告 2023 年', 20, 380),
    ],
    null,
    600,
    800,
  );

  it('splits lines into cells at wide gaps and marks rows with numbers or shared columns as table rows', () => {
    expect(lines.map((line) => [line.cells, line.inTable])).toEqual([
      [['自然人', '总计'], true],
      [['（二）部分公开（区分处理的，只计这一情形）', '12', '30'], true],
      [['五、存在的主要问题及改进情况'], false],
      [['本报告 2023 年'], false],
    ]);
    expect(lines[0]!.group).toBe(lines[1]!.group);
  });

  it('orders runs of one line left to right and puts a space only between Latin letters or digits', () => {
    const line = layoutPage(
      [run('年', 42, 50), run('2023', 20, 50), run('ab', 60, 50), run('cd', 73, 50)],
      null,
      600,
      800,
    );
    expect(line.map((l) => l.cells)).toEqual([['2023年ab cd']]);
  });
});

describe('joinSplitRow', () => {
  const line = (cells: string[], spans: [number, number][]) => ({
    cells,
    spans,
    inTable: true,
    group: 0,
    top: 0,
  });

  it('joins the rest of a wrapped label printed on the next page', () => {
    const above = line(
      ['（六）其他处', '1.申请人逾期不补', '0', '3'],
      [
        [0, 50],
        [50, 150],
        [150, 200],
        [200, 250],
      ],
    );
    const below = line(
      ['理', '正的申请'],
      [
        [0, 50],
        [50, 150],
      ],
    );
    expect(joinSplitRow(above, below)?.cells).toEqual([
      '（六）其他处理',
      '1.申请人逾期不补正的申请',
      '0',
      '3',
    ]);
  });

  it('joins a label printed above the page break with the numbers below it', () => {
    const above = line(['（二）部分公开（区'], [[50, 150]]);
    const below = line(
      ['分处理的）', '2', '4'],
      [
        [50, 150],
        [150, 200],
        [200, 250],
      ],
    );
    expect(joinSplitRow(above, below)?.cells).toEqual(['（二）部分公开（区分处理的）', '2', '4']);
  });

  it('keeps two rows apart when both have numbers or the next spans several columns', () => {
    const numbers = line(
      ['行政许可', '5'],
      [
        [0, 100],
        [100, 400],
      ],
    );
    expect(
      joinSplitRow(
        numbers,
        line(
          ['行政处罚', '6'],
          [
            [0, 100],
            [100, 400],
          ],
        ),
      ),
    ).toBeNull();
    const full = line(
      ['行政规范性文件', '3', '1', '25'],
      [
        [0, 100],
        [100, 200],
        [200, 300],
        [300, 400],
      ],
    );
    expect(joinSplitRow(full, line(['第二十条第（五）项'], [[0, 400]]))).toBeNull();
  });
});
