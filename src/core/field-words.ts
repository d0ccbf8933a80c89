// Chinese names of the fields that requests carry, so that a validation message names the field
// the user filled in (issue 9.7), never a code word. One code name per term (docs/glossary.md).
// A key not listed here is named by its nearest listed parent, else "该项".
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  // the power's fields (§6)
  name: '名称',
  code: '权力编码',
  category: '权力类别',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
  legalBases: '法定依据',
  documentName: '法律文件名称',
  documentId: '法律文件',
  level: '效力层级',
  article: '条款',
  text: '条款内容',
  effectiveDate: '生效日期',
  expiryDate: '失效日期',
  responsibilities: '责任事项',
  order: '序号',
  content: '内容',
  accountabilityCases: '追责情形',
  accountabilityBasis: '追责依据',
  remarks: '备注',
  status: '状态',
  parentCode: '主项编码',
  predecessorCodes: '原权力编码',
  powers: '行政职权',
  duties: '职责',
  values: '拟调整内容',
  // applications (§9–§13)
  title: '标题',
  kind: '调整类型',
  triggerKind: '事由类型',
  triggerDate: '事由发生之日',
  reason: '理由',
  legalBasis: '调整依据',
  specialNotes: '需要特别说明的情况',
  takeover: '下级承接情况',
  receivingBodyId: '承接部门',
  targetCode: '拟调整职权的权力编码',
  items: '拟调整事项',
  closesOn: '征求意见截止日期',
  opensOn: '征求意见开始日期',
  normativeDocumentNumber: '规范性文件文号',
  decision: '审定意见',
  disposition: '处理结果',
  note: '说明',
  batchId: '批次',
  legalDocumentId: '法律文件',
  changeKind: '变化类型',
  changeDate: '变化日期',
  step: '办理环节',
  version: '版本号',
  // bodies, users, security policy
  bodyId: '职权行使机构',
  homeBodyId: '所属机构',
  regionCode: '行政区划',
  region: '行政区划',
  shortName: '简称',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  role: '角色',
  disabled: '停用',
  passwordMinLength: '密码最短长度',
  passwordMinClasses: '密码字符种类',
  maxFailedLogins: '连续登录失败次数上限',
  lockoutMinutes: '锁定时长（分钟）',
  sessionIdleMinutes: '会话空闲超时（分钟）',
  sessionAbsoluteMinutes: '会话最长时长（分钟）',
  // calendar, lists, paging
  year: '年份',
  holidays: '节假日',
  makeupWorkdays: '调休上班日',
  from: '开始日期',
  to: '结束日期',
  on: '日期',
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  limit: '条数',
  offset: '起始位置',
  id: '编号',
  add: '工作日数',
  filename: '文件名',
  confirm: '确认',
  contact: '联系方式',
  rulebookId: '规则集',
};

/** The Chinese name of the field at `path`, e.g. ['items', 0, 'values', 'accountabilityCases', 2] → 追责情形第3项. */
export function fieldWords(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const k = path[i];
    if (typeof k !== 'string' || !(k in FIELD_WORDS)) continue;
    const next = path[i + 1];
    return typeof next === 'number' ? `${FIELD_WORDS[k]}第${next + 1}项` : FIELD_WORDS[k]!;
  }
  return '该项';
}
