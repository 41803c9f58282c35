import { AppError } from '../errors.ts';

/**
 * One agency-year of the figures table 二 takes from outside the register (条例 art. 20 (五)(六)(八)):
 * 行政许可, 行政处罚, 行政强制 decision counts and 行政事业性收费. `null` = not entered, which is
 * never the same as 0 (the report shows a blank cell and the validator says so).
 *
 * The fee is kept exact as an integer number of 0.0001 万元 (that is, of 元), the finest unit the
 * report prints (rule T2-03 treats more than four decimals as a unit error).
 */
export interface EnforcementFigures {
  licensing: number | null;
  punishment: number | null;
  coercion: number | null;
  /** 行政事业性收费 in units of 0.0001 万元 (= 1 元). */
  feesWanYuanE4: number | null;
}

/** Largest fee accepted: 900 亿万元 would already be absurd; keeps the integer exact in JavaScript. */
const MAX_FEE_E4 = 9_000_000_000_000;

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/**
 * Reads a fee written in 万元 ("12.5", "0.0300", "1234") into 0.0001 万元 units, without floats.
 * Throws INVALID_INPUT for a negative value, more than four decimals or anything not a number.
 */
export function parseWanYuan(text: string): number {
  const t = text.trim();
  const m = DECIMAL.exec(t);
  if (!m) {
    throw new AppError(
      'INVALID_INPUT',
      `行政事业性收费金额“${text}”无效：应为不小于0的数，单位万元，最多4位小数（例如 12.3456）`,
    );
  }
  const units = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  if (units > MAX_FEE_E4) throw new AppError('INVALID_INPUT', `行政事业性收费金额“${text}”过大`);
  return units;
}

/** 0.0001 万元 units → the decimal string in 万元, without trailing zeros ("12.5", "0", "0.03"). */
export function formatWanYuan(units: number): string {
  const whole = Math.floor(units / 10_000);
  const fraction = String(units % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** 0.0001 万元 units → the report's number in 万元 (exact to the four decimals the report prints). */
export function wanYuanOf(units: number): number {
  return Number(formatWanYuan(units));
}

/** Checks a decision count: an integer ≥ 0, or null (not entered). Throws INVALID_INPUT. */
export function checkCount(value: number | null, label: string): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('INVALID_INPUT', `${label}应为不小于0的整数（未填写请留空）`);
  }
  return value;
}

/** Checks the year and every figure. Throws INVALID_INPUT in Chinese. */
export function checkFigures(year: number, figures: EnforcementFigures): EnforcementFigures {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) {
    throw new AppError('INVALID_INPUT', `年度“${year}”无效：应为2008至2100之间的年份`);
  }
  const fee = figures.feesWanYuanE4;
  if (fee !== null && (!Number.isSafeInteger(fee) || fee < 0)) {
    throw new AppError('INVALID_INPUT', '行政事业性收费金额应为不小于0的数（单位万元，最多4位小数）');
  }
  return {
    licensing: checkCount(figures.licensing, '行政许可本年处理决定数量'),
    punishment: checkCount(figures.punishment, '行政处罚本年处理决定数量'),
    coercion: checkCount(figures.coercion, '行政强制本年处理决定数量'),
    feesWanYuanE4: fee,
  };
}
