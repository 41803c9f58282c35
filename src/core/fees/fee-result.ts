/** One tier of the 超额累进 fee table, restricted to the part of the request that falls in it. */
export interface FeeBand {
  /** The tier as defined by 109号, e.g. 第31—100页 or 当月第11—30件. */
  label: string;
  /** First and last page (or monthly application ordinal) of the request inside this tier. */
  from: number;
  to: number;
  count: number;
  rateYuan: number;
  amountYuan: number;
}

/** A fee in whole 元 (never fractional) with its itemisation; `bands` only lists tiers actually reached. */
export interface FeeResult {
  method: 'per-application' | 'per-page';
  totalYuan: number;
  bands: FeeBand[];
  basis: string;
}

export const FEE_BASIS = '国办函〔2020〕109号《政府信息公开信息处理费管理办法》';
