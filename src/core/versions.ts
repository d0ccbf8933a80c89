// Issue 10.8: optimistic concurrency. A save names the version it read; if someone saved in
// between, the save is refused (409 CONFLICT) saying who changed it and when, so nobody's work
// is silently overwritten. The write then bumps the version inside the same transaction.
import { AppError } from './errors.js';

export interface LastChange {
  version: number;
  by: string | null;
  at: Date | string | null;
}

const beijing = (at: Date | string) =>
  new Date(at).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

export function staleWrite(what: string, current: LastChange): AppError {
  const who = current.by ?? '其他用户';
  const when = current.at ? `于 ${beijing(current.at)} ` : '';
  const message = `${what}已被${who}${when}修改（当前为第 ${current.version} 版），您的保存未生效。请刷新页面查看最新内容后再修改。`;
  return new AppError('CONFLICT', message, [{ field: 'version', message }]);
}

/**
 * The version a save is based on: required on every save of an editable object (a draft power,
 * a draft's duties, an application's content, affected powers and duties), so no client can
 * overwrite someone else's work by leaving it out.
 */
// The schema of the version a save names is part of the contract (the workspace sends it).
export { editVersion } from '../contract/wire.js';

/** Refuses a save based on an older version than the stored one. */
export function checkVersion(what: string, sent: number, current: LastChange) {
  if (sent !== current.version) throw staleWrite(what, current);
}
