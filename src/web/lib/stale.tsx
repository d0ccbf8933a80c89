// Issue 10.8: every save names the version it read. When someone else saved in between, the
// server refuses (409 CONFLICT) saying who changed it and when; the editor shows that message
// with a 刷新 action that loads the current data and version, keeping the form open.
import { Alert, Button, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { showError } from './feedback.ts';

/**
 * After 刷新: the fields the user has not touched take the current saved values; what the user
 * typed stays. Returns how many fields kept the user's input.
 */
export function takeUntouched<T extends object>(form: FormInstance<T>, current: T): number {
  // the form's field names are its values' keys; antd's typing of name paths cannot see that here
  const f = form as unknown as FormInstance;
  let kept = 0;
  for (const [name, value] of Object.entries(current)) {
    if (f.isFieldsTouched([name])) kept++;
    else f.setFieldValue(name, value);
  }
  return kept;
}

/** A save refused because the object changed since it was read. */
export const isStaleSave = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT';

const HINTS = {
  merge: '点击“刷新”载入最新内容：您未改动的栏目显示他人保存的内容，您改动过的栏目保留您填写的内容，请核对后再保存。',
  keep: '点击“刷新”载入最新版本（申请详情随之更新）；您在此填写的内容会保留，请核对后再保存。',
  reload: '点击“刷新”载入最新内容（本表单将显示他人保存的内容），再重新修改。',
};

/** `mode`: what 刷新 does with the form — merge (takeUntouched), keep what was typed, or reload it as saved. */
export function StaleNotice({
  error,
  mode,
  onRefresh,
}: {
  error: ApiError | null;
  mode: keyof typeof HINTS;
  onRefresh: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  if (!error) return null;
  const refresh = async () => {
    setBusy(true);
    try {
      await onRefresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      description={HINTS[mode]}
      action={
        <Button size="small" type="primary" loading={busy} onClick={refresh}>
          刷新
        </Button>
      }
    />
  );
}
