// antd's message / notification / modal bound to the app's ConfigProvider (zh_CN, theme), so
// non-component code (the API client) can show feedback. <FeedbackBinder/> sits inside <App>.
import { App, message as staticMessage } from 'antd';
import type { ApiError } from '../api.ts';

type AppApi = ReturnType<typeof App.useApp>;
let ui: AppApi | null = null;

export function FeedbackBinder() {
  ui = App.useApp();
  return null;
}

export const toast = {
  success: (text: string) => (ui?.message ?? staticMessage).success(text),
  error: (text: string) => (ui?.message ?? staticMessage).error(text),
  warning: (text: string) => (ui?.message ?? staticMessage).warning(text),
  info: (text: string) => (ui?.message ?? staticMessage).info(text),
};

export const modal = () => ui?.modal;
export const notify = () => ui?.notification;

/** Shows a server error in Chinese. Sign-in errors are left to the redirect to the login page. */
export function showError(err: unknown) {
  const e = err as Partial<ApiError>;
  if (e?.code === 'UNAUTHENTICATED' || e?.code === 'SESSION_EXPIRED') return;
  const text = e?.message || '操作失败，请稍后重试';
  const details = (e?.details ?? []).filter((d) => d.message && d.message !== text);
  if (details.length > 1 && ui) {
    ui.notification.error({
      title: text,
      description: details
        .slice(0, 8)
        .map((d) => `${d.row ? `第${d.row}行 ` : ''}${d.column ? `${d.column}：` : ''}${d.message}`)
        .join('；'),
      duration: 8,
    });
  } else toast.error(text);
}
