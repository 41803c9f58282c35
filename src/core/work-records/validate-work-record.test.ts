import { describe, expect, it } from 'vitest';
import { sampleWorkRecords } from '../../../test/support/work-record-samples.ts';
import { AppError } from '../errors.ts';
import { validateWorkRecord } from './validate-work-record.ts';
import { WORK_RECORD_KINDS, type WorkRecordKind } from './work-record-kinds.ts';

const TODAY = '2025-12-31';

function refusal(input: unknown, today = TODAY): AppError {
  try {
    validateWorkRecord(input, today);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** The sample of `kind` with `change` applied to its data. */
function withData(kind: WorkRecordKind, change: (data: Record<string, unknown>) => void) {
  const sample = sampleWorkRecords()[kind];
  change(sample.data);
  return sample;
}

describe('validateWorkRecord', () => {
  it.each(WORK_RECORD_KINDS)('accepts the sample %s and gives it its year', (kind) => {
    const record = validateWorkRecord(sampleWorkRecords()[kind], TODAY);
    expect(record.kind).toBe(kind);
    expect(record.year).toBe(kind === 'channel' ? null : 2025);
  });

  it('derives the year from the date, and refuses a given year that differs', () => {
    const training = withData('training', (d) => {
      d.heldOn = '2024-12-31';
    });
    expect(validateWorkRecord(training, TODAY).year).toBe(2024);
    expect(validateWorkRecord({ ...training, year: 2024 }, TODAY).year).toBe(2024);
    const e = refusal({ ...training, year: 2025 });
    expect(e.message).toBe('记录有误：year：记录年度 2025 与记录本身的年度 2024 不一致');
    expect(e.details).toEqual([{ path: '/year', message: '记录年度 2025 与记录本身的年度 2024 不一致' }]);
    expect(refusal({ ...sampleWorkRecords().channel, year: 2025 }).message).toContain('不分年度');
  });

  it('trims text and fills omitted nullable fields with null', () => {
    const record = validateWorkRecord(
      { kind: 'accountability', data: { decidedOn: '2025-01-02', description: '  通报  ' } },
      TODAY,
    );
    expect(record.data).toEqual({ decidedOn: '2025-01-02', description: '通报' });
    const channel = validateWorkRecord(
      { kind: 'channel', data: { kind: 'website', name: '门户网站' } },
      TODAY,
    );
    expect(channel.data).toEqual({
      kind: 'website',
      name: '门户网站',
      openedOn: null,
      filedWith: null,
      filedOn: null,
      closedOn: null,
      years: [],
    });
  });

  it('leaves counts the officer does not know unrecorded (null), never 0', () => {
    const event = validateWorkRecord(
      { kind: 'evaluation', data: { kind: 'openDay', theme: '群众评议', heldOn: '2025-09-26' } },
      TODAY,
    );
    expect(event.data).toMatchObject({ participants: null, formsHandedOut: null, suggestions: [] });
    const figures = validateWorkRecord(
      { kind: 'figures', data: { year: 2025, inAnnualAssessment: true } },
      TODAY,
    );
    expect(figures.data).toMatchObject({ workGroupsCleaned: null, processingFeesYuan: null });
    const fee = validateWorkRecord(
      withData('figures', (d) => (d.processingFeesYuan = 12.5)),
      TODAY,
    );
    expect(fee.data).toMatchObject({ processingFeesYuan: 12.5 });
  });

  const refused: Array<[string, unknown, string, string]> = [
    [
      'a suggestion handled before it was received',
      withData('evaluation', (d) => {
        (d.suggestions as Array<Record<string, unknown>>)[0]!.handledOn = '2025-05-19';
      }),
      '/data/suggestions/0/handledOn',
      '意见建议的办理日期 2025-05-19 早于收到日期 2025-05-20',
    ],
    [
      'a pending suggestion with a handling date',
      withData('evaluation', (d) => {
        (d.suggestions as Array<Record<string, unknown>>)[1]!.handledOn = '2025-06-01';
      }),
      '/data/suggestions/1/handledOn',
      '仍在办理中',
    ],
    [
      'a handled suggestion without a handling date',
      withData('evaluation', (d) => {
        (d.suggestions as Array<Record<string, unknown>>)[0]!.handledOn = null;
      }),
      '/data/suggestions/0/handledOn',
      '应填写办理日期',
    ],
    [
      'a proposal concluded before it was received',
      withData('proposal', (d) => {
        d.concludedOn = '2025-02-28';
      }),
      '/data/concludedOn',
      '办结日期 2025-02-28 早于收到日期 2025-03-01',
    ],
    [
      'a result published before it was received',
      withData('proposal', (d) => {
        d.resultPublishedOn = '2025-01-01';
      }),
      '/data/resultPublishedOn',
      '办理结果公开日期 2025-01-01 早于收到日期',
    ],
    [
      'a result published before the proposal was concluded',
      withData('proposal', (d) => {
        d.resultPublishedOn = '2025-05-01';
      }),
      '/data/resultPublishedOn',
      '早于办结日期',
    ],
    [
      'a satisfaction over 100%',
      withData('proposal', (d) => {
        d.satisfactionPercent = 100.5;
      }),
      '/data/satisfactionPercent',
      '满意度应在0至100之间',
    ],
    [
      'a negative satisfaction',
      withData('proposal', (d) => {
        d.satisfactionPercent = -1;
      }),
      '/data/satisfactionPercent',
      '满意度应在0至100之间',
    ],
    [
      'an open week ending before it began',
      withData('evaluation', (d) => {
        d.kind = 'openWeek';
        d.endsOn = '2025-05-19';
      }),
      '/data/endsOn',
      '活动结束日期 2025-05-19 早于开始日期 2025-05-20',
    ],
    [
      'a negative count of participants',
      withData('training', (d) => {
        d.participants = -3;
      }),
      '/data/participants',
      '参训人数不能为负数',
    ],
    [
      'a fractional count',
      withData('evaluation', (d) => {
        d.formsHandedOut = 2.5;
      }),
      '/data/formsHandedOut',
      '发放征求意见表份数应为整数',
    ],
    [
      'no interpretation form',
      withData('interpretation', (d) => {
        d.forms = [];
      }),
      '/data/forms',
      '解读形式不能为空',
    ],
    [
      'a repeated interpretation form',
      withData('interpretation', (d) => {
        d.forms = ['video', 'qa', 'video'];
      }),
      '/data/forms/2',
      '解读形式“视频解读”重复',
    ],
    [
      'an unknown interpretation form',
      withData('interpretation', (d) => {
        d.forms = ['hologram'];
      }),
      '/data/forms/0',
      '解读形式应为',
    ],
    [
      'an impossible date',
      withData('meeting', (d) => {
        d.heldOn = '2025-02-29';
      }),
      '/data/heldOn',
      '会议日期应为真实存在的日期',
    ],
    [
      'a date after today',
      withData('accountability', (d) => {
        d.decidedOn = '2026-01-01';
      }),
      '/data/decidedOn',
      '日期 2026-01-01 晚于今天',
    ],
    [
      'a year before the 条例',
      withData('task', (d) => {
        d.year = 2007;
      }),
      '/data/year',
      '工作要点年度应在2008至2100年之间',
    ],
    [
      'a year after next year',
      withData('figures', (d) => {
        d.year = 2027;
      }),
      '/data/year',
      '年度 2027 晚于2026年',
    ],
    [
      'a filing date without the filing office',
      withData('channel', (d) => {
        d.filedWith = null;
      }),
      '/data/filedWith',
      '填写了备案日期，应同时填写备案单位',
    ],
    [
      'duplicate channel years',
      withData('channel', (d) => {
        d.years = [
          { year: 2024, posts: 1, followers: null },
          { year: 2024, posts: 2, followers: null },
        ];
      }),
      '/data/years/1/year',
      '2024年的数据重复',
    ],
    [
      'a channel closed before it opened',
      withData('channel', (d) => {
        d.closedOn = '2019-01-01';
        d.years = [];
      }),
      '/data/closedOn',
      '早于开通日期',
    ],
    [
      'figures of a year before the channel opened',
      withData('channel', (d) => {
        d.years = [{ year: 2019, posts: 1, followers: null }];
      }),
      '/data/years/0/year',
      '2019年不在平台开通至关停的期间内',
    ],
    [
      'an empty title',
      withData('training', (d) => {
        d.title = '   ';
      }),
      '/data/title',
      '培训名称不能为空',
    ],
    [
      'an unknown field',
      withData('meeting', (d) => {
        d.secret = 1;
      }),
      '/data',
      'secret',
    ],
    ['an unknown kind', { kind: 'party', data: {} }, '/kind', '记录类别应为'],
    [
      'a negative information processing fee',
      withData('figures', (d) => (d.processingFeesYuan = -1)),
      '/data/processingFeesYuan',
      '信息处理费不能为负数',
    ],
    [
      'a fee in fractions of a fen',
      withData('figures', (d) => (d.processingFeesYuan = 12.345)),
      '/data/processingFeesYuan',
      '最多保留两位小数',
    ],
    [
      'a negative count of participants',
      withData('evaluation', (d) => (d.participants = -3)),
      '/data/participants',
      '参加人数不能为负数',
    ],
    ['no data', { kind: 'meeting' }, '/data', ''],
    [
      'a task position of 0',
      withData('task', (d) => (d.position = 0)),
      '/data/position',
      '任务序号应从1开始',
    ],
  ];

  it.each(refused)('refuses %s, naming the field', (_name, input, path, message) => {
    const e = refusal(input);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^记录有误：/);
    expect(e.message).toContain(message);
    const details = e.details as Array<{ path: string; message: string }>;
    expect(details.map((d) => d.path)).toContain(path);
    expect(e.message).toContain(`${path.slice(1).replace(/\//g, '.')}：`);
  });

  it('checks date fields against today, not text that reads like a date', () => {
    const record = validateWorkRecord(
      withData('meeting', (d) => {
        d.topic = '2099-01-01';
      }),
      TODAY,
    );
    expect(record.data).toMatchObject({ topic: '2099-01-01' });
  });

  it('lists every field at fault in one message', () => {
    const e = refusal(
      withData('proposal', (d) => {
        d.concludedOn = '2025-01-01';
        d.satisfactionPercent = 101;
      }),
    );
    expect(e.message).toContain('满意度应在0至100之间');
  });
});
