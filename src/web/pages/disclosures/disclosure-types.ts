/** Shapes of the disclosure register's answers: the route schemas' output types. */
import type { z } from 'zod';
import { DISCLOSURE_STEP_LABELS, type DisclosureStepInput } from '../../../core/disclosures/disclosure.ts';
import type {
  disclosureListResponse,
  disclosureSchema,
} from '../../../server/routes/disclosures/disclosures.schema.ts';

export type DisclosureView = z.output<typeof disclosureSchema>;
export type DisclosureStepView = DisclosureView['steps'][number];
export type DisclosureList = z.output<typeof disclosureListResponse>;

/** What a recorded step is called; the schema types `type` as any string, the core knows five. */
export function disclosureStepLabel(type: string): string {
  return Object.hasOwn(DISCLOSURE_STEP_LABELS, type)
    ? DISCLOSURE_STEP_LABELS[type as DisclosureStepInput['type']]
    : type;
}
