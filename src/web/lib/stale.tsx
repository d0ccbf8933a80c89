// Issue 10.8: every save names the version it read. When someone else saved in between, the
// server refuses (409 CONFLICT) saying who changed it and when; the editor shows that message
// with a 刷新 action that loads the current data and version, keeping the form open.
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { showError } from './feedback.ts';

/** A save refused because the object changed since it was read. */
export const isStaleSave = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT';

export function StaleNotice({ error, keepsInput = true, onRefresh }: { error: ApiError | null; keepsInput?: boolean; onRefresh: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  if (!error) return null;
  const refresh = async () => {
    setBusy(true);
    try { await onRefresh(); } catch (e) { showError(e); } finally { setBusy(false); }
  };
  return (
    <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={error.message}
      description={keepsInput ? '点击“刷新”载入最新内容；您在本表单中填写的内容会保留，请核对后再保存。' : '点击“刷新”载入最新内容（本表单将显示他人保存的内容），再重新修改。'}
      action={<Button size="small" type="primary" loading={busy} onClick={refresh}>刷新</Button>} />
  );
}
