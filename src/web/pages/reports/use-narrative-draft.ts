import type { z } from 'zod';
import type {
  draftNarrativeResponse,
  draftOverviewResponse,
} from '../../../server/routes/reports/reports.schema.ts';
import { api } from '../../api/client.ts';

type DraftOverview = z.output<typeof draftOverviewResponse>;
type DraftNarrative = z.output<typeof draftNarrativeResponse>;

/** The narrative sections the drafts fill in. */
interface DraftedSections {
  overview: string;
  other: string;
}

export interface NarrativeDraftOptions {
  /** The report version's API path, e.g. /agencies/{agencyId}/reports/{id}. */
  reportPath: string;
  sections: DraftedSections;
  /** Replaces sections with the drafted text (unsaved until the user saves). */
  take: (drafted: Partial<DraftedSections>) => void;
  /** The editor's busy/failure wrapper: runs the action as `what`. */
  run: (what: 'draft' | 'narrative', action: () => Promise<void>) => Promise<void>;
  notify: (notice: string) => void;
}

/**
 * The report editor's two first drafts: the statistics paragraphs of section 一 from the tables,
 * and sections 一 and 六 from the work records. `replacesText`: drafting sections 一 and 六 would
 * overwrite text, so the editor asks first.
 */
export function useNarrativeDraft(options: NarrativeDraftOptions) {
  const { reportPath, sections, take, run, notify } = options;
  const takeDraft = () =>
    run('draft', async () => {
      const draft = await api.get<DraftOverview>(`${reportPath}/draft-overview`);
      take({ overview: draft.overview });
    });
  const takeNarrative = () =>
    run('narrative', async () => {
      const draft = await api.get<DraftNarrative>(`${reportPath}/draft-narrative`);
      take({ overview: draft.overview, other: draft.other });
      notify('已按公开工作台账起草第一、六部分：请核对修改后保存，保存后核查结果会指出与数据不符之处');
    });
  const replacesText = sections.overview.trim() !== '' || sections.other.trim() !== '';
  return { takeDraft, takeNarrative, replacesText };
}
