import { describe, expect, it } from 'vitest';
import { fitPieLabels, NARROW_PX } from './fit-pie-labels.ts';

const pie = {
  legend: { bottom: 0 },
  series: [
    {
      type: 'pie',
      data: [
        { name: '已按时发布', value: 3 },
        { name: '逾期发布', value: 0 },
        { name: '发布日期不详', value: 0 },
      ],
    },
  ],
};
const hidden = { label: { show: false }, labelLine: { show: false } };

describe('pie labels fitted to the chart’s width', () => {
  it('names no slice of 0 on a wide chart, so empty slices’ labels do not sit on each other', () => {
    const fitted = fitPieLabels(pie, 1000);
    expect(fitted.series[0]?.data).toEqual([
      { name: '已按时发布', value: 3 },
      { name: '逾期发布', value: 0, ...hidden },
      { name: '发布日期不详', value: 0, ...hidden },
    ]);
    expect(fitted.legend).toEqual(pie.legend);
  });

  it('leaves the naming to the legend on a phone, where outer labels would be cut off', () => {
    const fitted = fitPieLabels(pie, NARROW_PX - 90) as unknown as { series: Record<string, unknown>[] };
    expect(fitted.series[0]).toMatchObject(hidden);
    expect(fitted.series[0]?.data).toEqual(pie.series[0]?.data);
  });

  it('leaves charts without a pie as they are', () => {
    const bars = { series: [{ type: 'bar', data: [0, 1] }] };
    expect(fitPieLabels(bars, 300)).toBe(bars);
  });
});
