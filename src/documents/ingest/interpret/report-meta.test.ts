import { describe, expect, it } from 'vitest';
import type { DocumentProperty, SourceLine } from '../source-document.ts';
import {
  agencyFromInfoBlock,
  agencyFromProperties,
  agencyFromTitle,
  findPublication,
  findTitle,
  propertyDate,
  withoutLeadingLabel,
} from './report-meta.ts';

const line = (n: number, text: string): SourceLine => ({ cells: [text], inTable: false, line: n });

describe('agencyFromTitle', () => {
  it('drops a label printed before the title in the same row', () => {
    expect(agencyFromTitle('名称沭阳县发展和改革局2024年政府信息公开工作年度报告')).toBe(
      '沭阳县发展和改革局',
    );
    expect(agencyFromTitle('名称： 沭阳县发展和改革局 2024年政府信息公开工作年度报告')).toBe(
      '沭阳县发展和改革局',
    );
    expect(withoutLeadingLabel('标题：某某县2024年政府信息公开工作年度报告')).toBe(
      '某某县2024年政府信息公开工作年度报告',
    );
  });
  it('keeps an agency whose name starts like a label word only when it is one', () => {
    expect(agencyFromTitle('来安县人民政府2024年政府信息公开工作年度报告')).toBe('来安县人民政府');
  });
});

describe('findTitle', () => {
  it('passes over a breadcrumb that ends with the column name 政府信息公开年度报告', () => {
    const head = [
      line(1, '当前位置：首页 > 政务公开 > 政府信息公开年度报告'),
      line(2, '您的位置：首页 » 年度报告'),
      line(3, '发布时间：2025-01-20 来源：某某市人民政府办公室'),
      line(4, '某某市交通运输局2024年政府信息公开工作年度报告'),
    ];
    expect(findTitle(head).title).toBe('某某市交通运输局2024年政府信息公开工作年度报告');
  });
});

describe('agencyFromProperties', () => {
  it('reads <meta name="ContentSource">', () => {
    const p: DocumentProperty[] = [
      { name: 'ContentSource', value: '沭阳县发展和改革局', from: 'html-meta', line: 9 },
    ];
    expect(agencyFromProperties(p)).toBe('沭阳县发展和改革局');
    expect(agencyFromProperties([{ ...p[0]!, value: '本网' }])).toBe('');
  });
});

describe('agencyFromInfoBlock', () => {
  it('reads 发布机构 before 来源, with the line it was read from', () => {
    const head = [line(2, '来源：某某县人民政府办公室 浏览次数：35'), line(3, '发布机构：某某县水利局')];
    expect(agencyFromInfoBlock(head)).toEqual({
      agency: '某某县水利局',
      source: { line: 3, text: '发布机构：某某县水利局' },
    });
  });
  it('cuts a next label run into the value, and takes no site name for an agency', () => {
    expect(agencyFromInfoBlock([line(1, '来源：某某县水利局发布时间：2025-01-20')])?.agency).toBe(
      '某某县水利局',
    );
    expect(agencyFromInfoBlock([line(1, '来源：本站')])).toBeNull();
    expect(agencyFromInfoBlock([line(1, '数据来源：国家统计局')])).toBeNull();
  });
});

describe('findPublication', () => {
  const head = [line(1, '某某县2024年政府信息公开工作年度报告'), line(2, '时间：2025-03-10  来源：某某县')];
  it('prefers the 落款 date at the end', () => {
    const found = findPublication(head, [line(90, '某某县人民政府办公室'), line(91, '2025年1月20日')]);
    expect(found).toEqual({
      date: '2025-01-20',
      from: 'signature',
      source: { line: 91, text: '2025年1月20日' },
    });
  });
  it('reads a 时间：/发布日期： line when there is no 落款 date', () => {
    expect(findPublication(head, [])).toMatchObject({
      date: '2025-03-10',
      from: 'labelled',
      source: { line: 2 },
    });
    expect(findPublication([line(3, '发布日期：2025年01月18日')], [])?.date).toBe('2025-01-18');
  });
  it('does not take a statistical period or a deadline for the publication', () => {
    const period = [
      line(4, '统计时间：2024年1月1日至2024年12月31日'),
      line(5, '时间：2024年1月1日至12月31日'),
    ];
    expect(findPublication(period, [])).toBeNull();
  });
  it('reads the page meta, then names the file date only as a last resort', () => {
    const meta: DocumentProperty[] = [
      { name: 'dcterms:created', value: '2025-01-19T20:31:00Z', from: 'docx-core' },
      { name: 'PubDate', value: '2025-03-10 09:30', from: 'html-meta', line: 7 },
    ];
    expect(findPublication([], [], meta)).toEqual({
      date: '2025-03-10',
      from: 'html-meta',
      source: { line: 7, text: '<meta name="PubDate" content="2025-03-10 09:30">' },
    });
    const file = findPublication([], [], meta.slice(0, 1));
    expect(file).toMatchObject({ date: '2025-01-20', from: 'file-properties' });
    expect(file?.source.text).toBe('dcterms:created 2025-01-19T20:31:00Z（文件属性，只说明文件的时间）');
  });
});

describe('propertyDate', () => {
  it.each([
    ['2025-03-10', '2025-03-10'],
    ['2025-03-10 09:30:00', '2025-03-10'],
    ['2025年3月9日', '2025-03-09'],
    ['2025-01-19T20:31:00Z', '2025-01-20'],
    ['2025-01-19T20:31:00+08:00', '2025-01-19'],
    ["D:20250119203100+08'00'", '2025-01-19'],
    ['D:20250119203100Z', '2025-01-20'],
    ['2025-02-30', null],
    ['明天', null],
  ])('reads %s as %s (China time)', (value, date) => expect(propertyDate(value)).toBe(date));
});
