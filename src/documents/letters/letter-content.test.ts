import { describe, expect, it } from 'vitest';
import { sampleBase, sampleCorrection, samplePartialAnswer } from '../../../test/support/sample-letters.ts';
import type { Outcome } from '../../core/applications/application.ts';
import { feeForApplications } from '../../core/fees/fee-for-applications.ts';
import { feeForPages } from '../../core/fees/fee-for-pages.ts';
import { TABLE3_OUTCOME_KEYS } from '../../core/report/labels.ts';
import { type AnswerLetterInput, letterFor } from './letter-content.ts';
import { REGULATION, yuanInWords } from './letter-text.ts';

/** 行政诉讼法 art. 46: direct suit within six months. */
const REMEDIES_DIRECT =
  '如对本答复不服，可以在收到本答复之日起六十日内向中卫市人民政府申请行政复议，或者自收到本答复之日起六个月内依法向有管辖权的人民法院提起行政诉讼。';
/** 行政复议法 (2023) art. 23 ¶1 (四) and 行政诉讼法 art. 45: a refusal dated from 2024 goes to review first. */
const REMEDIES_REVIEW_FIRST =
  '如对本答复不服，可以在收到本答复之日起六十日内向中卫市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向有管辖权的人民法院提起行政诉讼。';

/** The article(s) each outcome's letter must cite (DOMAIN.md §C.7), with the defaults of answerInput. */
const EXPECTED_ARTICLES: Record<string, string[]> = {
  granted: ['第三十六条第（二）项'],
  partial: ['第三十七条'],
  'denied.stateSecret': ['第十四条', '第三十六条第（三）项'],
  'denied.lawForbidden': ['第十四条', '第三十六条第（三）项'],
  'denied.threeSafetyOneStability': ['第十四条', '第三十六条第（三）项'],
  'denied.thirdParty': ['第十五条', '第三十二条', '第三十六条第（三）项'],
  'denied.internalAffairs': ['第十六条第一款', '第三十六条第（三）项'],
  'denied.processInfo': ['第十六条第二款', '第三十六条第（三）项'],
  'denied.enforcementFile': ['第十六条第二款', '第三十六条第（三）项'],
  'denied.adminQuery': ['第三十六条第（七）项'],
  'unable.notHeld': ['第三十六条第（四）项'],
  'unable.needCreation': ['第三十八条'],
  'unable.stillUnclear': ['第二十九条第二款第（二）项', '第三十条'],
  'notProcessed.petition': ['第三十九条第一款'],
  'notProcessed.repeat': ['第三十六条第（六）项'],
  'notProcessed.publication': ['第三十九条第二款'],
  'notProcessed.massive': ['第三十五条'],
  'notProcessed.confirmOrReissue': ['第二条'],
  'other.noCorrection': ['第三十条'],
  'other.noFee': ['第四十二条'],
  'other.other': [],
};

/** A minimal valid answer for `outcome`. */
function answerInput(outcome: Outcome, extra: Partial<AnswerLetterInput> = {}): AnswerLetterInput {
  return {
    ...sampleBase(),
    outcome,
    ...(outcome === 'granted' || outcome === 'partial' ? { obtain: '随本答复书一并送达（见附件）' } : {}),
    ...(outcome === 'partial' ? { secondaryOutcomes: ['denied.processInfo'] } : {}),
    ...(outcome === 'other.other' ? { withdrawnOn: '2025-03-10' } : {}),
    remedyBodies: { reconsiderationBody: '中卫市人民政府' },
    ...extra,
  };
}

const body = (l: { paragraphs: string[] }) => l.paragraphs.join('\n');

describe('letterFor answer', () => {
  it('has a wording for each of the 21 outcomes of table 三', () => {
    expect(Object.keys(EXPECTED_ARTICLES).sort()).toEqual([...TABLE3_OUTCOME_KEYS].sort());
  });

  it.each(TABLE3_OUTCOME_KEYS)(
    'cites the article of %s and states the remedies where applicable',
    (outcome) => {
      const letter = letterFor('answer', answerInput(outcome));
      expect(letter.title).toBe('政府信息公开申请答复书');
      expect(letter.documentNumber).toBe('中卫数据〔2025〕第0001号');
      expect(letter.addressee).toBe('张某某');
      expect(letter.signature).toBe('中卫市数据局');
      expect(letter.date).toBe('2025年3月20日');
      const articles = EXPECTED_ARTICLES[outcome]!;
      for (const a of articles) {
        expect(body(letter)).toContain(a);
        expect(letter.legalBasis).toContain(`${REGULATION}${a}`);
      }
      if (articles.length > 0)
        expect(body(letter)).toContain(`根据${REGULATION}（以下简称《条例》）${articles[0]}`);
      // A withdrawal is the applicant's own act: nothing to contest.
      const refusal = outcome === 'partial' || outcome.startsWith('denied.');
      const remedies = refusal ? REMEDIES_REVIEW_FIRST : REMEDIES_DIRECT;
      expect(letter.remedies).toBe(outcome === 'other.other' ? null : remedies);
      expect(body(letter)).toContain('“2024年全市政务云平台建设项目的招标文件、中标通知书及项目合同”');
    },
  );

  it('cites art. 36(1) when the information is already public and tells where to get it', () => {
    const letter = letterFor(
      'answer',
      answerInput('granted', {
        grantedBasis: 'already-public',
        obtain: '中卫市人民政府门户网站“政府信息公开”栏目',
      }),
    );
    expect(letter.legalBasis).toEqual([`${REGULATION}第三十六条第（一）项`]);
    expect(body(letter)).toContain('已经主动公开');
    expect(body(letter)).toContain('获取该政府信息的方式、途径：中卫市人民政府门户网站“政府信息公开”栏目。');
  });

  it('sends a petition to the named office with 向, and keeps a channel phrase that brings its own verb', () => {
    const named = letterFor(
      'answer',
      answerInput('notProcessed.petition', { petitionChannel: '中卫市信访局' }),
    );
    expect(body(named)).toContain('您可以向中卫市信访局提出');
    const phrased = letterFor(
      'answer',
      answerInput('notProcessed.petition', { petitionChannel: '通过12345政务服务便民热线' }),
    );
    expect(body(phrased)).toContain('您可以通过12345政务服务便民热线提出');
    expect(body(letterFor('answer', answerInput('notProcessed.petition')))).toContain(
      '可以通过信访、投诉、举报等相应渠道提出',
    );
  });

  it('cites art. 36(5) and names the responsible agency when it is known', () => {
    const letter = letterFor(
      'answer',
      answerInput('unable.notHeld', { responsibleAgency: { name: '中卫市财政局', contact: '0955-7012345' } }),
    );
    expect(letter.legalBasis).toEqual([`${REGULATION}第三十六条第（五）项`]);
    expect(body(letter)).toContain('不属于本机关负责公开的政府信息');
    expect(body(letter)).toContain('该政府信息由中卫市财政局负责公开（联系方式：0955-7012345）');
  });

  it('gives the reasons for each withheld part of a 部分公开 answer, numbered, with their articles', () => {
    const letter = letterFor('answer', samplePartialAnswer());
    expect(letter.legalBasis).toEqual(
      ['第三十七条', '第十五条', '第三十二条', '第三十六条第（三）项', '第三十六条第（四）项'].map(
        (a) => `${REGULATION}${a}`,
      ),
    );
    const [opening, decision, reasons, first, second] = letter.paragraphs;
    expect(opening).toBe(
      '本机关于2025年3月3日收到您的政府信息公开申请，您申请公开“2024年全市政务云平台建设项目的招标文件、中标通知书及项目合同”。现答复如下：',
    );
    expect(decision).toContain('能够作区分处理');
    expect(decision).toContain('随本答复书一并送达（见附件）');
    expect(reasons).toBe('对未予提供的内容，说明理由如下：');
    expect(first).toMatch(
      /^（一）.*商业秘密.*分项报价明细.*第三方不同意公开且有合理理由.*第十五条、第三十二条、第三十六条第（三）项的规定，该部分内容不予公开。$/,
    );
    expect(second).toMatch(
      /^（二）经检索.*项目验收报告尚未形成.*第三十六条第（四）项的规定，该部分政府信息不存在。$/,
    );
    expect(letter.remedies).toContain('向中卫市人民政府申请行政复议');
    expect(letter.remedies).toContain('依法向中卫市沙坡头区人民法院提起行政诉讼');
  });

  it('states secondary outcomes of a refusal as further decisions, and the dates of the case', () => {
    const letter = letterFor(
      'answer',
      answerInput('notProcessed.repeat', {
        secondaryOutcomes: ['unable.needCreation'],
        previousAnswer: { on: '2025-01-10', documentNumber: '中卫数据〔2025〕第0003号' },
        correction: { requestedOn: '2025-03-05', receivedOn: '2025-03-12' },
      }),
    );
    expect(letter.paragraphs[0]).toContain('，并于2025年3月12日收到您补正后的申请。现答复如下：');
    expect(letter.paragraphs[1]).toContain(
      '本机关已于2025年1月10日就您提出的政府信息公开申请作出答复（中卫数据〔2025〕第0003号）',
    );
    expect(letter.paragraphs[2]).toMatch(
      /^此外，经审查，您申请公开的其他信息.*《条例》第三十八条的规定，该部分内容不予提供。$/,
    );
  });

  it('addresses an organisation as 贵单位', () => {
    const letter = letterFor('answer', answerInput('denied.stateSecret', { applicantType: 'commercial' }));
    expect(letter.paragraphs[0]).toContain('收到贵单位的政府信息公开申请，贵单位申请公开');
    expect(body(letter)).not.toContain('您');
  });

  it('writes the lapse wordings with their dates', () => {
    const noCorrection = letterFor(
      'answer',
      answerInput('other.noCorrection', { correction: { requestedOn: '2025-03-05', dueOn: '2025-03-26' } }),
    );
    expect(body(noCorrection)).toContain(
      '本机关已于2025年3月5日告知您于2025年3月26日前（含当日）对申请内容作出补正，您无正当理由逾期未补正，视为放弃申请',
    );
    const noFee = letterFor(
      'answer',
      answerInput('other.noFee', { feeNotice: { noticeOn: '2025-03-05', dueOn: '2025-04-02' } }),
    );
    expect(body(noFee)).toContain(
      '2025年3月5日向您发出收费通知书，告知您于2025年4月2日前（含当日）缴纳信息处理费',
    );
    expect(noFee.legalBasis).toContain('国办函〔2020〕109号《政府信息公开信息处理费管理办法》');
    const withdrawn = letterFor('answer', answerInput('other.other'));
    expect(body(withdrawn)).toContain(
      '您于2025年3月10日撤回该政府信息公开申请。本机关终止处理该政府信息公开申请。',
    );
    expect(withdrawn.legalBasis).toEqual([]);
  });

  it('refuses an answer the law does not allow to be written that way', () => {
    const refused = (input: AnswerLetterInput) => () => letterFor('answer', input);
    const invalid = expect.objectContaining({ code: 'INVALID_INPUT' });
    expect(refused(answerInput('granted', { obtain: '  ' }))).toThrow(invalid);
    expect(refused(answerInput('partial', { secondaryOutcomes: [] }))).toThrow(invalid);
    expect(refused(answerInput('denied.stateSecret', { secondaryOutcomes: ['granted'] }))).toThrow(invalid);
    expect(refused(answerInput('totalConcluded'))).toThrow(invalid);
    expect(refused(answerInput('other.other', { withdrawnOn: undefined }))).toThrow(invalid);
    expect(refused(answerInput('granted', { date: '2025-03-01' }))).toThrow(/不能早于收到申请之日/);
    expect(refused(answerInput('granted', { trackingNumber: 'A-1' }))).toThrow(/登记号/);
    expect(refused(answerInput('granted', { receivedOn: '2025-02-30' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('letterFor correction', () => {
  it('lists the points once, states the period (default 15 working days) and the consequence of not correcting', () => {
    const letter = letterFor('correction', sampleCorrection());
    expect(letter.title).toBe('补正申请告知书');
    expect(letter.documentNumber).toBe('中卫数据补〔2025〕第0001号');
    expect(letterFor('correction', { ...sampleCorrection(), round: 1 }).documentNumber).toBe(
      '中卫数据补〔2025〕第0001号',
    );
    expect(letterFor('correction', { ...sampleCorrection(), round: 2 }).documentNumber).toBe(
      '中卫数据补〔2025〕第0001-2号',
    );
    expect(() => letterFor('correction', { ...sampleCorrection(), round: 0 })).toThrow('文书轮次');
    expect(letter.legalBasis).toEqual([`${REGULATION}第二十九条第二款`, `${REGULATION}第三十条`]);
    expect(letter.paragraphs[0]).toContain('现一次性告知您对以下事项作出补正：');
    expect(letter.paragraphs.slice(1, 4).map((p) => p.slice(0, 3))).toEqual(['（一）', '（二）', '（三）']);
    expect(body(letter)).toContain(
      '请您自收到本告知书之日起15个工作日内（即2025年3月28日前，含当日）提交补正后的申请',
    );
    expect(body(letter)).toContain('答复期限自本机关收到补正后的申请之日起计算');
    expect(body(letter)).toContain('无正当理由逾期不补正的，视为放弃申请');
    expect(letter.remedies).toBeNull();
  });

  it('takes another period as a parameter and refuses an empty list of points', () => {
    const letter = letterFor('correction', { ...sampleCorrection(), workingDays: 10, dueOn: undefined });
    expect(body(letter)).toContain('请您自收到本告知书之日起10个工作日内提交补正后的申请');
    expect(() => letterFor('correction', { ...sampleCorrection(), points: [' '] })).toThrow(/需要补正的事项/);
  });
});

describe('letterFor extension', () => {
  it('states the extension and the new due date under art. 33 ¶2', () => {
    const letter = letterFor('extension', {
      ...sampleBase(),
      days: 15,
      newDueOn: '2025-04-22',
      reason: '所申请信息需要调取档案逐件核对',
    });
    expect(letter.title).toBe('延期答复告知书');
    expect(letter.legalBasis).toEqual([`${REGULATION}第三十三条第二款`]);
    expect(body(letter)).toContain('因所申请信息需要调取档案逐件核对，本机关无法在法定期限内作出答复');
    expect(body(letter)).toContain(
      '经本机关政府信息公开工作机构负责人同意，答复期限延长15个工作日，本机关将于2025年4月22日前（含当日）作出答复',
    );
    expect(letter.remedies).toBeNull();
    expect(() => letterFor('extension', { ...sampleBase(), days: 21, newDueOn: '2025-04-22' })).toThrow(
      /1至20个工作日/,
    );
  });
});

describe('letterFor fee', () => {
  const base = {
    ...sampleBase(),
    payment: '通过宁夏非税收入缴费平台缴纳',
    dueOn: '2025-04-18',
    remedyBodies: { reconsiderationBody: '中卫市人民政府' },
  };

  it('lists every band and the total exactly as the fee computation gives them (按量)', () => {
    const fee = feeForPages(250);
    const letter = letterFor('fee', { ...base, fee });
    expect(letter.title).toBe('收费通知书');
    for (const b of fee.bands) {
      const price = b.rateYuan === 0 ? '免收' : `每页${b.rateYuan}元，计${b.amountYuan}元`;
      expect(letter.paragraphs).toContain(`${b.label}：共${b.count}页，${price}。`);
    }
    expect(fee.totalYuan).toBe(4700);
    expect(letter.paragraphs).toContain('合计：人民币4700元（大写：肆仟柒佰元整）。');
    expect(body(letter)).toContain('自收到本通知书之次日起20个工作日内（即2025年4月18日前，含当日）缴纳');
    expect(body(letter)).toContain('逾期未缴纳的，视为放弃申请');
    expect(letter.legalBasis).toEqual([
      `${REGULATION}第四十二条`,
      '国办函〔2020〕109号《政府信息公开信息处理费管理办法》',
    ]);
    expect(letter.remedies).toContain('如对本通知不服，可以在收到本通知之日起六十日内向中卫市人民政府');
    expect(() => letterFor('fee', { ...base, fee, remedyBodies: {} })).toThrow(/请填写行政复议机关名称/);
  });

  it('lists the monthly ordinals of a 按件 fee', () => {
    const fee = feeForApplications(3, 29);
    const letter = letterFor('fee', { ...base, fee });
    expect(fee.bands.map((b) => [b.from, b.to, b.amountYuan])).toEqual([
      [30, 30, 100],
      [31, 32, 400],
    ]);
    expect(letter.paragraphs).toContain('当月第11—30件：本次申请为当月第30件，共1件，每件100元，计100元。');
    expect(letter.paragraphs).toContain(
      '当月第31—40件：本次申请为当月第31—32件，共2件，每件200元，计400元。',
    );
    expect(letter.paragraphs).toContain('合计：人民币500元（大写：伍佰元整）。');
  });

  it('refuses a zero fee or one whose bands do not add up', () => {
    expect(() => letterFor('fee', { ...base, fee: feeForPages(30) })).toThrow(/大于零/);
    const fee = feeForPages(120);
    expect(() => letterFor('fee', { ...base, fee: { ...fee, totalYuan: fee.totalYuan + 1 } })).toThrow(
      /各分段金额之和/,
    );
  });
});

describe('letterFor consultation', () => {
  it('goes to the third party with the 15-working-day deadline and never names the applicant', () => {
    const input = {
      ...sampleBase(),
      thirdParty: { name: '宁夏某某云计算有限公司', organisation: true },
      concern: '商业秘密（分项报价明细）',
      dueOn: '2025-04-14',
    };
    const letter = letterFor('consultation', input);
    expect(letter.title).toBe('征求第三方意见书');
    expect(letter.documentNumber).toBe('中卫数据征〔2025〕第0001号');
    expect(letter.addressee).toBe('宁夏某某云计算有限公司');
    expect(letter.legalBasis).toEqual([`${REGULATION}第三十二条`]);
    expect(body(letter)).toContain('涉及贵单位的商业秘密（分项报价明细）');
    expect(body(letter)).toContain(
      '请贵单位自收到本征求意见书之日起15个工作日内（即2025年4月14日前，含当日）',
    );
    expect(body(letter)).toContain('逾期未提出意见的，由本机关依照《条例》的规定决定是否公开');
    expect(JSON.stringify(letter)).not.toContain('张某某');
    expect(letter.remedies).toBeNull();
  });
});

describe('letterFor art35', () => {
  it('fixes the delayed deadline under art. 35', () => {
    const letter = letterFor('art35', {
      ...sampleBase(),
      dueOn: '2025-05-30',
      reasonRequestedOn: '2025-03-10',
    });
    expect(letter.title).toBe('延迟答复告知书');
    expect(letter.documentNumber).toBe('中卫数据迟〔2025〕第0001号');
    expect(letter.legalBasis).toEqual([`${REGULATION}第三十三条`, `${REGULATION}第三十五条`]);
    expect(body(letter)).toContain('本机关已于2025年3月10日要求您说明理由');
    expect(body(letter)).toContain('将于2025年5月30日前（含当日）作出答复');
    expect(() => letterFor('art35', { ...sampleBase(), dueOn: '2025-03-19' })).toThrow(/不能早于文书日期/);
  });
});

describe('yuanInWords', () => {
  it('writes whole 元 in financial capitals with the zeros a cashier writes', () => {
    expect([0, 10, 100, 1005, 1700, 10_000, 100_010, 1_0200_0000, 1_0000_0001].map(yuanInWords)).toEqual([
      '零元整',
      '壹拾元整',
      '壹佰元整',
      '壹仟零伍元整',
      '壹仟柒佰元整',
      '壹万元整',
      '壹拾万零壹拾元整',
      '壹亿零贰佰万元整',
      '壹亿零壹元整',
    ]);
    expect(() => yuanInWords(1.5)).toThrow(/金额/);
  });
});
