// Audit events are a typed union, never free text (house habit 6).
// Add a module's actions here when the module is written.
export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账户锁定',
  'auth.logout': '退出登录',
  'auth.passwordChanged': '修改密码',
  'user.created': '创建用户',
  'user.updated': '修改用户',
  'user.unlocked': '解除锁定',
  'role.granted': '授予角色',
  'role.revoked': '撤销角色',
  'policy.updated': '修改安全策略',
  'body.created': '新增机构',
  'body.updated': '修改机构',
  'list.published': '公布权责清单版本', 'legalDocument.created': '新增法律文件', 'draft.created': '创建清单草稿', 'draft.saved': '保存清单草稿', 'draft.submitted': '提交清单草稿', 'draft.reviewed': '审查清单草稿', 'draft.returned': '退回清单草稿', 'draft.exclusionOverridden': '排除筛查意见复核', 'draft.withdrawn': '撤回清单草稿',
  'consultation.commentReceived': '收到公开征求意见', 'consultation.commentHidden': '隐藏公众意见', 'consultation.commentRestored': '恢复显示公众意见', 'consultation.commentDisposed': '公众意见处理（采纳情况）', 'report.yearlyExported': '导出年度动态调整情况报告',
  'exchange.draftImported': '导入清单草稿（Excel）', 'exchange.draftExported': '导出清单草稿（Excel）',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const auditActionLabel = (a: string) => (AUDIT_ACTIONS as Record<string, string>)[a] ?? a;
