// The object of an audit record in words (issue 9.7): 调整申请第2号, 清单第3版, never a table name
// and a row id such as `power_list_version #269`.
import { ROLE_LABELS } from '../../labels.ts';
import type { AuditRow, Role } from '../../types.ts';

export const OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  body: '机构',
  security_policy: '安全策略',
  session: '会话',
  adjustment: '调整申请',
  list_draft: '清单草稿',
  consultationComment: '公众意见',
  power_list_version: '权责清单',
  adminChange: '管理员变更申请',
  yearlyReport: '年度报告',
  rulebook: '规则集',
  request: '请求',
  legal_document: '法律文件',
  law_change: '法律文件立改废',
  calendar_year: '工作日历',
  adjustment_batch: '集中调整批次',
};

const field = (v: unknown, k: string) =>
  v && typeof v === 'object' && k in v ? (v as Record<string, unknown>)[k] : undefined;

export function objectWords(r: Pick<AuditRow, 'objectType' | 'objectId' | 'before' | 'after' | 'objectName'>): string {
  if (!r.objectType) return '—';
  if (r.objectName) return r.objectName;
  const id = r.objectId ?? '';
  if (r.objectType === 'power_list_version') {
    const v = field(r.after, 'version') ?? field(r.before, 'version');
    return v !== undefined ? `权责清单第${String(v)}版` : '权责清单的一个版本';
  }
  if (r.objectType === 'adjustment') return `调整申请第${id}号`;
  if (r.objectType === 'calendar_year') return `${id}年工作日历`;
  if (r.objectType === 'request') return '被拒绝的请求';
  const label = OBJECT_LABELS[r.objectType] ?? '其他对象';
  return id === '' ? label : `${label}（编号${id}）`;
}

/** Who acted: the person signed in; else the system (seed, setup, migration: no address), else an anonymous request. */
export function actorWords(r: Pick<AuditRow, 'actorName' | 'bySystem' | 'action'>): string {
  if (r.actorName) return r.actorName;
  if (r.bySystem) return r.action === 'audit.chainKeyed' ? '系统' : '系统（初始数据）';
  return '（未登录）';
}

/** The role acted in, where the record knows it; for a sign-in, the roles then held. */
export function roleWords(r: Pick<AuditRow, 'role' | 'after'>): string {
  const label = (x: string) => ROLE_LABELS[x as Role] ?? x;
  if (r.role) return label(r.role);
  const held = field(r.after, 'rolesHeld');
  if (Array.isArray(held)) return held.length ? `持有：${held.map(String).map(label).join('、')}` : '无角色';
  return '—';
}
