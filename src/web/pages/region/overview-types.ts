export type PublicationStatus = 'published' | 'late' | 'missing' | 'not-due';

export interface Rate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Rates {
  grantedShare: Rate;
  grantedAtLeastPartlyShare: Rate;
  deniedShare: Rate;
  reviewCorrectionRate: Rate;
  litigationCorrectionRate: Rate;
}

export interface RegionOverview {
  region: { id: string; code: string; name: string };
  year: number;
  today: string;
  counts: Record<PublicationStatus, number>;
  agencies: {
    agency: { id: string; name: string; kind: string; regionId: string };
    status: PublicationStatus;
    deadline: string;
    report: {
      reportId: string;
      version: number;
      origin: 'assembled' | 'imported';
      publishedOn: string | null;
      errorCount: number;
      warningCount: number;
    } | null;
    rates: Rates | null;
  }[];
  totals: {
    table2: Record<string, unknown>;
    table3: Record<string, (number | null)[]>;
    table4: Record<string, (number | null)[]>;
    reports: number;
    incomplete: number;
  };
  totalsFindings: import('../../api/types.ts').Finding[];
  rates: Rates;
}

export interface RegionHistory {
  years: {
    year: number;
    reports: number;
    newReceived: number | null;
    totalConcluded: number | null;
    rates: Rates;
    totalsErrors: number;
  }[];
}

export const STATUS_TAGS: Record<PublicationStatus, { color: string; label: string }> = {
  published: { color: 'green', label: '已按时发布' },
  late: { color: 'orange', label: '逾期发布' },
  missing: { color: 'red', label: '逾期未发布' },
  'not-due': { color: 'default', label: '未到期限' },
};

export const percent = (r: Rate | undefined | null) =>
  r?.value === null || r?.value === undefined ? '—' : `${r.value}%`;
