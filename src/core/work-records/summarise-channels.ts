import { type LabelledCount, tally } from './labelled-count.ts';
import { inYear } from './summary-arithmetic.ts';
import { CHANNEL_KINDS, type ChannelKind, type WorkRecordsOfYear } from './work-records.ts';

/** The agency's government websites and new-media accounts (section 一（四）). */
export interface ChannelsSummary {
  /** Channels open at the end of the year. */
  open: number;
  byKind: Array<LabelledCount & { kind: ChannelKind }>;
  filed: number;
  unfiled: number;
  /** Posts of the year over every channel with figures entered. */
  posts: number;
  list: Array<{
    kind: ChannelKind;
    name: string;
    filed: boolean;
    /** Closed within the year. */
    closedInYear: boolean;
    posts: number | null;
    followers: number | null;
  }>;
}

const CHANNEL_LABELS: Record<ChannelKind, string> = {
  website: '政府网站',
  weibo: '政务微博',
  wechat: '微信公众号',
  app: '政务App',
  video: '政务短视频账号',
  other: '其他政务新媒体',
};

/** The websites and new-media accounts active in the year, counted as they stood at its end. */
export function summariseChannels(records: WorkRecordsOfYear): ChannelsSummary {
  const year = records.year;
  const active = records.channels.filter(
    (c) =>
      (c.openedOn === null || c.openedOn <= `${year}-12-31`) &&
      (c.closedOn === null || c.closedOn >= `${year}-01-01`),
  );
  const open = active.filter((c) => c.closedOn === null || c.closedOn > `${year}-12-31`);
  const figures = (c: (typeof active)[number]) => (c.figures && c.figures.year === year ? c.figures : null);
  const filed = (c: (typeof active)[number]) => c.filedWith !== null || c.filedOn !== null;
  return {
    open: open.length,
    byKind: tally(
      CHANNEL_KINDS,
      CHANNEL_LABELS,
      open.map((c) => c.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    filed: open.filter(filed).length,
    unfiled: open.filter((c) => !filed(c)).length,
    posts: active.reduce((a, c) => a + (figures(c)?.posts ?? 0), 0),
    list: active.map((c) => ({
      kind: c.kind,
      name: c.name,
      filed: filed(c),
      closedInYear: inYear(c.closedOn, year),
      posts: figures(c)?.posts ?? null,
      followers: figures(c)?.followers ?? null,
    })),
  };
}
