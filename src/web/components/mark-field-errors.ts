import type { FormInstance } from 'antd';
import { fieldErrors } from '../api/client.ts';

/** Shows the API's per-field errors on the form's fields; true when there were any. */
export function markFieldErrors(form: FormInstance, error: unknown): boolean {
  const fields = fieldErrors(error);
  if (fields.length > 0) form.setFields(fields as never);
  return fields.length > 0;
}
