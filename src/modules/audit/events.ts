// Audit events are a typed union, never free text (house habit 6).
// Add a module's actions here when the module is written.
export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账户锁定',
  'auth.logout': '退出登录',
  'auth.passwordChanged': '修改密码',
  'auth.lockedRefused': '账户锁定期间拒绝登录',
  'security.refused': '拒绝越权或无效的操作请求',
  'setup.administratorsCreated': '初始化三员管理员账户',
  'adminChange.requested': '提出管理员账户变更（待另一名管理员确认）',
  'adminChange.confirmed': '确认管理员账户变更',
  'adminChange.rejected': '否决管理员账户变更',
  'user.created': '创建用户',
  'user.updated': '修改用户',
  'user.unlocked': '解除锁定',
  'role.granted': '授予角色',
  'role.revoked': '撤销角色',
  'policy.updated': '修改安全策略',
  'audit.chainKeyed': '审计日志启用密钥摘要（HMAC-SM3）',
  'body.created': '新增机构',
  'body.updated': '修改机构',
  'list.published': '公布权责清单版本', 'legalDocument.created': '新增法律文件', 'draft.created': '创建清单草稿', 'draft.saved': '保存清单草稿', 'draft.submitted': '提交清单草稿', 'draft.reviewed': '审查清单草稿', 'draft.returned': '退回清单草稿', 'draft.exclusionOverridden': '排除筛查意见复核', 'draft.withdrawn': '撤回清单草稿',
  'consultation.commentReceived': '收到公开征求意见', 'consultation.commentHidden': '隐藏公众意见', 'consultation.commentRestored': '恢复显示公众意见', 'consultation.commentDisposed': '公众意见处理（采纳情况）', 'report.yearlyExported': '导出年度动态调整情况报告',
  'exchange.draftImported': '导入清单草稿（Excel）', 'exchange.draftExported': '导出清单草稿（Excel）',
  'rulebook.selected': '切换规则集', 'calendar.yearEntered': '录入年度节假日安排', 'calendar.overlaySet': '录入或更正年度节假日安排', 'calendar.overlayRemoved': '撤销录入的年度节假日安排（恢复内置数据）', 'lawChange.recorded': '登记法律文件立改废', 'adjustment.created': '创建调整申请', 'adjustment.opened': '因法律文件变化生成应调整事项', 'adjustment.started': '开始起草调整申请', 'adjustment.updated': '修改调整申请', 'adjustment.itemsSet': '填写拟调整的行政职权', 'adjustment.rebased': '按最新公布版本更新调整申请', 'adjustment.attachmentAdded': '上传调整申请附件', 'adjustment.attachmentRemoved': '删除调整申请附件', 'adjustment.drafted': '起草完成送牵头机构', 'adjustment.submitted': '报送调整申请', 'adjustment.preliminaryReviewPassed': '初步审核通过', 'adjustment.legalityReviewPassed': '合法性审查通过', 'adjustment.consultationOpened': '发布公开征求意见', 'adjustment.consultationClosed': '公开征求意见期满结束', 'adjustment.reportedToGovernment': '报请政府审定', 'adjustment.approved': '政府审定批准', 'adjustment.receivingConfirmed': '承接部门确认承接', 'adjustment.duplicateResolved': '处理承接部门清单中的同名同类事项', 'adjustment.published': '公布调整结果', 'adjustment.platformSynced': '确认平台已同步更新', 'adjustment.itemsClaimed': '完成事项认领', 'adjustment.guideConfigured': '完成办事指南要素配置', 'adjustment.filed': '告知下级并备案', 'adjustment.returned': '退回调整申请', 'adjustment.rejected': '不予批准调整申请', 'adjustment.withdrawn': '撤回调整申请', 'adjustment.missing': '认定漏报', 'adjustment.batchCreated': '创建集中调整批次',
  'adjustment.approvalRevoked': '本级人民政府撤销审定决定', 'adjustment.exclusionOverridden': '调整申请排除筛查复核说明', 'adjustment.dutiesSet': '填写拟调整的职责',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const auditActionLabel = (a: string) => (AUDIT_ACTIONS as Record<string, string>)[a] ?? a;
