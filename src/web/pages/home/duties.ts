// What each role does under 《包头市政府工作部门权责清单动态管理办法》(2023) (spec §1), and the
// workspace pages that serve it. A link shows once its page is in ROUTES and the actor may open
// it, so the 权责清单 / 动态调整 pages appear here as soon as they are added to routes.tsx.
import type { Role } from '../../types.ts';

export interface RoleDuty {
  summary: string;
  duties: string[];
  /** paths in ROUTES, in order of importance */
  links: string[];
}

export const RULEBOOK_NAME = '《包头市政府工作部门权责清单动态管理办法》（2023年）';

export const ROLE_DUTIES: Record<Role, RoleDuty> = {
  clerk: {
    summary: '起草本部门权责清单与调整申请',
    duties: [
      '编制本部门职权目录与职权信息表（第六条）',
      '法定依据变化、职责调整等事由发生之日起15个工作日内起草调整申请（第十二条）',
      '按本部门权责清单行使行政权力（第十四条）',
    ],
    links: ['/lists', '/adjustments'],
  },
  leadUnit: {
    summary: '审核、汇总并报送本部门调整意见',
    duties: [
      '审核、汇总经办人起草的权责清单及调整意见，代表本部门报送（第十四条）',
      '督促迟报、缓报、漏报等问题整改落实（第十四条）',
    ],
    links: ['/adjustments', '/lists'],
  },
  coordinator: {
    summary: '初步审核、公开征求意见、公布',
    duties: [
      '受理调整申请，15个工作日内提出初步审核意见（第十二条）',
      '通过政府门户网站公开征求意见，期限不少于5日（第十二条）',
      '公布权责清单；取消、下放事项公示期满后15个工作日内报请政府审定（第十二条）',
      '备案、监督检查与绩效考核，受理意见建议、投诉举报（第五条、第十五条、第十六条）',
    ],
    links: ['/adjustments', '/lists'],
  },
  legalReviewer: {
    summary: '合法性审查（第五条、第十二条）',
    duties: [
      '对同级行政机关权责清单及调整申请进行合法性审查（第五条、第十二条）',
      '审查拟委托、下放事项的法定依据（第十三条）',
    ],
    links: ['/adjustments', '/lists'],
  },
  approver: {
    summary: '审定取消、下放事项',
    duties: ['审定取消、下放行政权力事项（第十二条）', '审定后制发规范性文件（第十三条）'],
    links: ['/adjustments', '/lists'],
  },
  sysAdmin: {
    summary: '机构与用户管理',
    duties: ['维护本区划职权行使机构信息', '创建、停用用户账户（三员分立：不得查看审计日志）'],
    links: ['/bodies', '/users'],
  },
  secAdmin: {
    summary: '角色与安全策略',
    duties: ['授予、撤销用户角色，解除账户锁定', '设置密码、登录锁定与会话超时策略'],
    links: ['/users', '/security'],
  },
  auditor: {
    summary: '审计日志',
    duties: ['查阅、检索全部操作记录', '校验审计日志完整性（HMAC-SM3 密钥链与库外锚点）'],
    links: ['/audit'],
  },
};
