import type { IsoDate } from '../dates.ts';

/**
 * 规章 and 行政规范性文件 (条例 art. 20 (一), table 二 第二十条第（一）项). `regulation` = 规章,
 * `normative` = 行政规范性文件.
 */
export const NORMATIVE_KINDS = ['regulation', 'normative'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];

export const NORMATIVE_KIND_LABELS: Record<NormativeKind, string> = {
  regulation: '规章',
  normative: '行政规范性文件',
};

/** What table 二 needs of a document of the register. */
export interface NormativeDocumentFacts {
  kind: NormativeKind;
  issuedOn: IsoDate;
  /** null while in force. */
  repealedOn: IsoDate | null;
}
