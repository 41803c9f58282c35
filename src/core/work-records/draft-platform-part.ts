import { breakdown, paragraphs, sentence } from './narrative-phrases.ts';
import { CHANNEL_KIND_LABELS } from './work-records.ts';
import type { WorkSummary } from './work-summary.ts';

/** （四）政府信息公开平台建设: the websites and new-media accounts, and the work groups cleaned up. */
export function draftPlatform(s: WorkSummary, who: string): string {
  const c = s.channels;
  const texts: string[] = [];
  if (c.list.length === 0) {
    texts.push(`${who}未开设独立的政府网站和政务新媒体。`);
  } else {
    const lead =
      c.open > 0
        ? `${who}运营政府网站和政务新媒体${c.open}个${breakdown(c.byKind, '个')}。` +
          (c.unfiled === 0
            ? '上述网站和账号均已备案。'
            : c.filed === 0
              ? '上述网站和账号均未备案。'
              : `已备案${c.filed}个，尚未备案${c.unfiled}个。`)
        : '';
    const figures = c.list.map((ch) => {
      const label = CHANNEL_KIND_LABELS[ch.kind];
      const name = ch.name.includes(label) ? ch.name : `“${ch.name}”${label}`;
      const clauses: string[] = [];
      if (ch.posts !== null) clauses.push(`${name}全年发布信息${ch.posts}条`);
      if (ch.followers !== null) clauses.push(`${clauses.length > 0 ? '' : name}关注用户${ch.followers}个`);
      if (ch.closedInYear) clauses.push(`${clauses.length > 0 ? '' : name}已于本年关停`);
      return sentence(clauses);
    });
    const newMedia = c.list.filter((ch) => ch.kind !== 'website' && ch.posts !== null);
    const newMediaPosts = newMedia.reduce((a, ch) => a + (ch.posts ?? 0), 0);
    const total = newMedia.length >= 2 ? `政务新媒体全年共发布信息${newMediaPosts}条。` : '';
    texts.push(lead + figures.join('') + total);
  }
  if (s.workGroupsCleaned !== null) {
    texts.push(
      s.workGroupsCleaned > 0 ? `本年清理整合工作群${s.workGroupsCleaned}个。` : '本年未清理整合工作群。',
    );
  }
  return paragraphs(texts);
}
