// Puts a server error onto the form: details[].field → that field's error; the rest as a toast.
import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';
import { showError } from './feedback.ts';

/**
 * @param fallbackField field to mark when the error names none (e.g. PASSWORD_POLICY → 'password')
 * @returns true when at least one field was marked
 */
export function applyServerErrors(form: FormInstance, err: unknown, fallbackField?: Record<string, string>): boolean {
  if (!(err instanceof ApiError)) {
    showError(err);
    return false;
  }
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  for (const d of err.details) {
    if (d.field && known.has(d.field)) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  }
  const fb = fallbackField?.[err.code];
  if (!byField.size && fb && known.has(fb)) byField.set(fb, [err.message]);
  if (!byField.size) {
    showError(err);
    return false;
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return true;
}
