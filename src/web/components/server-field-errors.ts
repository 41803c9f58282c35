import { ApiError, fieldErrors } from '../api/client.ts';

/**
 * Places a server refusal next to the field it is about. Schema errors carry the field's path;
 * the core's checks answer with a sentence only, so the field is recognised from its wording
 * (`hints`: [field name, words the message begins with or contains]). Returns what to pass to
 * antd's Form.setFields (empty when the message concerns no single field).
 */
export function serverFieldErrors(
  error: unknown,
  hints: [field: string, words: string[]][],
): { name: (string | number)[]; errors: string[] }[] {
  const byPath = fieldErrors(error);
  if (byPath.length > 0 || !(error instanceof ApiError)) return byPath;
  if (error.status !== 400 && error.status !== 409) return [];
  const hit = hints.find(([, words]) => words.some((w) => error.message.includes(w)));
  return hit ? [{ name: [hit[0]], errors: [error.message] }] : [];
}
