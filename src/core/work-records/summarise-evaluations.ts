import { type LabelledCount, tally } from './labelled-count.ts';
import { inYear, sumKnown } from './summary-arithmetic.ts';
import {
  EVALUATION_KINDS,
  type EvaluationEvent,
  type EvaluationKind,
  SUGGESTION_HANDLINGS,
  type SuggestionHandling,
  type WorkRecordsOfYear,
} from './work-records.ts';

/** The year's public evaluation events and the suggestions they gathered (section 一（五）). */
export interface EvaluationsSummary {
  count: number;
  byKind: Array<LabelledCount & { kind: EvaluationKind }>;
  /** Sum over the events; null when some event's figure was not recorded (never understated). */
  participants: number | null;
  formsHandedOut: number | null;
  suggestionsReceived: number;
  /** Suggestions no longer pending. */
  suggestionsHandled: number;
  suggestionsAdopted: number;
  /** Adds up to suggestionsReceived. */
  byHandling: Array<LabelledCount & { handling: SuggestionHandling }>;
  /** The events in date order, each with its count of suggestions. */
  events: Array<Omit<EvaluationEvent, 'suggestions'> & { suggestions: number }>;
}

const EVALUATION_LABELS: Record<EvaluationKind, string> = {
  openDay: '政府开放日活动',
  openWeek: '政府开放周活动',
  publicReview: '群众评议活动',
  other: '其他公众参与活动',
};

const HANDLING_LABELS: Record<SuggestionHandling, string> = {
  adopted: '已采纳',
  answered: '已答复',
  referred: '已转交有关部门',
  notAdopted: '未采纳并已说明理由',
  pending: '正在办理',
};

/** The public evaluation events (政府开放日, 群众评议 …) held in the year, in date order. */
export function summariseEvaluations(records: WorkRecordsOfYear): EvaluationsSummary {
  const events = records.evaluations
    .filter((e) => inYear(e.heldOn, records.year))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const suggestions = events.flatMap((e) => e.suggestions);
  return {
    count: events.length,
    byKind: tally(
      EVALUATION_KINDS,
      EVALUATION_LABELS,
      events.map((e) => e.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    participants: sumKnown(events.map((e) => e.participants)),
    formsHandedOut: sumKnown(events.map((e) => e.formsHandedOut)),
    suggestionsReceived: suggestions.length,
    suggestionsHandled: suggestions.filter((s) => s.handling !== 'pending').length,
    suggestionsAdopted: suggestions.filter((s) => s.handling === 'adopted').length,
    byHandling: tally(
      SUGGESTION_HANDLINGS,
      HANDLING_LABELS,
      suggestions.map((s) => s.handling),
    ).map(({ key, ...c }) => ({ handling: key, ...c })),
    events: events.map((e) => ({
      kind: e.kind,
      theme: e.theme,
      heldOn: e.heldOn,
      endsOn: e.endsOn,
      participants: e.participants,
      formsHandedOut: e.formsHandedOut,
      suggestions: e.suggestions.length,
    })),
  };
}
