// The object of an audit record in words (issue 9.7): 调整申请第2号, 清单第3版, never a table name
// and a row id such as `power_list_version #269`.
import type { AuditRow } from '../../types.ts';

export const OBJECT_LABELS: Record<string, string> = {
  user: '用户', body: '机构', security_policy: '安全策略', session: '会话', adjustment: '调整申请', list_draft: '清单草稿',
  consultationComment: '公众意见', power_list_version: '权责清单', adminChange: '管理员变更申请', yearlyReport: '年度报告',
  rulebook: '规则集', request: '请求', legal_document: '法律文件', law_change: '法律文件立改废', calendar_year: '工作日历',
  adjustment_batch: '集中调整批次',
};

const field = (v: unknown, k: string) => (v && typeof v === 'object' && k in v ? (v as Record<string, unknown>)[k] : undefined);

export function objectWords(r: Pick<AuditRow, 'objectType' | 'objectId' | 'before' | 'after'>): string {
  if (!r.objectType) return '—';
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
