// The workspace's pages: one line each. The side menu and the router are both built from this
// table; a page shows only to actors holding one of its abilities (the server checks again).
// To add a page: write src/web/pages/<name>/<Name>Page.tsx with a default export, then add
//   { path: '/lists', label: '权责清单', icon: <ProfileOutlined />, ability: ['draftList', 'review'], page: lazy(() => import('./pages/lists/ListsPage.tsx')) },
import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
// the adjustment procedure's pages (issue 4)
import {
  AlertOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  FileSyncOutlined,
  SwapOutlined,
  VerifiedOutlined,
} from '@ant-design/icons';
// 意见建议与投诉举报 (§15)
import { MessageOutlined } from '@ant-design/icons';
// 开放数据订阅 (§15 ¶2)
import { ApiOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Ability } from './types.ts';

export interface AppRoute {
  /** path under /app, e.g. '/bodies'; child paths like '/lists/:id' set menu: false */
  path: string;
  label: string;
  icon?: ReactNode;
  /** shown when the actor has any of these; omitted = every signed-in user */
  ability?: Ability | Ability[];
  page: LazyExoticComponent<ComponentType>;
  /** false = routable but not in the side menu (detail pages) */
  menu?: boolean;
}

/** Everyone who takes part in the adjustment procedure (§12): body clerks and lead units, the offices, the government. */
const WORKFLOW: Ability[] = ['draftList', 'submitList', 'review', 'legalReview', 'approve'];
/** The three administrators of 三员分立 (系统、安全、审计管理员), who confirm each other's changes. */
export const ADMINS: Ability[] = ['manageUsers', 'manageRoles', 'readAudit'];

export const ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, page: lazy(() => import('./pages/home/HomePage.tsx')) },
  {
    path: '/lists',
    label: '权责清单',
    icon: <ProfileOutlined />,
    ability: ['draftList', 'submitList', 'review', 'legalReview', 'approve'],
    page: lazy(() => import('./pages/lists/ListsPage.tsx')),
  },
  {
    path: '/lists/*',
    label: '权责清单',
    menu: false,
    ability: ['draftList', 'submitList', 'review', 'legalReview', 'approve'],
    page: lazy(() => import('./pages/lists/ListsRouter.tsx')),
  },
  {
    path: '/inbox',
    label: '待办事项',
    icon: <BellOutlined />,
    ability: WORKFLOW,
    page: lazy(() => import('./pages/inbox/InboxPage.tsx')),
  },
  {
    path: '/adjustments',
    label: '动态调整',
    icon: <SwapOutlined />,
    ability: WORKFLOW,
    page: lazy(() => import('./pages/adjustments/AdjustmentsPage.tsx')),
  },
  {
    path: '/adjustments/:id',
    label: '调整申请',
    menu: false,
    ability: WORKFLOW,
    page: lazy(() => import('./pages/adjustments/AdjustmentPage.tsx')),
  },
  // §13.2 ¶2: a related body's lead unit answers on another body's 下放 or 委托
  {
    path: '/delegation-requests',
    label: '关联部门意见',
    icon: <SwapOutlined />,
    ability: 'submitList',
    page: lazy(() => import('./pages/delegation/RequestsPage.tsx')),
  },
  {
    path: '/approvals',
    label: '政府审定',
    icon: <VerifiedOutlined />,
    ability: 'approve',
    page: lazy(() => import('./pages/adjustments/ApprovalsPage.tsx')),
  },
  {
    path: '/consultations',
    label: '征求意见',
    icon: <CommentOutlined />,
    ability: 'review',
    page: lazy(() => import('./pages/adjustments/consultations/ConsultationsPage.tsx')),
  },
  {
    path: '/consultations/:id',
    label: '意见处理',
    menu: false,
    ability: WORKFLOW,
    page: lazy(() => import('./pages/adjustments/consultations/ConsultationPage.tsx')),
  },
  {
    path: '/law-changes',
    label: '法律文件立改废',
    icon: <FileSyncOutlined />,
    ability: 'review',
    page: lazy(() => import('./pages/adjustments/lawchange/LawChangesPage.tsx')),
  },
  // 自治区事项管理平台对账 (issue 14.1; §13.1, §13.5): bodies for their list, offices for their level
  {
    path: '/regional-platform',
    label: '自治区平台对账',
    icon: <FileSyncOutlined />,
    ability: ['draftList', 'submitList', 'review'],
    page: lazy(() => import('./pages/regional-platform/ReconciliationsPage.tsx')),
  },
  {
    path: '/regional-platform/:id',
    label: '对账报告',
    menu: false,
    ability: ['draftList', 'submitList', 'review'],
    page: lazy(() => import('./pages/regional-platform/ReconciliationPage.tsx')),
  },
  {
    path: '/reports',
    label: '年度报告',
    icon: <BarChartOutlined />,
    ability: 'review',
    page: lazy(() => import('./pages/reports/ReportsPage.tsx')),
  },
  // 监管看板与绩效考核 (issue 12.5; §5, §16 ¶1): the offices' picture of their level
  {
    path: '/dashboard',
    label: '监管看板',
    icon: <BarChartOutlined />,
    // the offices see their level; a body's clerk and lead unit see their own score (§16 ¶1)
    ability: ['review', 'draftList', 'submitList'],
    page: lazy(() => import('./pages/dashboard/DashboardPage.tsx')),
  },
  // 监督管理 (§14 ¶2, §16, §17): the office and the bodies it supervises
  {
    path: '/supervision',
    label: '监督管理',
    icon: <AlertOutlined />,
    ability: ['review', 'draftList', 'submitList'],
    page: lazy(() => import('./pages/supervision/SupervisionPage.tsx')),
  },
  {
    path: '/supervision/findings/:id',
    label: '督查发现',
    menu: false,
    ability: ['review', 'draftList', 'submitList'],
    page: lazy(() => import('./pages/supervision/FindingPage.tsx')),
  },
  // 行使记录比对 (issue 12.4; §14 ¶1, §16 ¶2, §17): the offices import case records; administrators keep the systems' keys
  {
    path: '/exercise',
    label: '行使记录比对',
    icon: <FileSyncOutlined />,
    ability: ['review', 'manageBodies'],
    page: lazy(() => import('./pages/exercise/ExercisePage.tsx')),
  },
  // 意见建议与投诉举报 (§15 ¶1–2): the level's office and the bodies that answer opinions
  {
    path: '/feedback',
    label: '意见建议与投诉举报',
    icon: <MessageOutlined />,
    ability: ['review', 'draftList', 'submitList'],
    page: lazy(() => import('./pages/feedback/FeedbackPage.tsx')),
  },
  {
    path: '/feedback/:id',
    label: '意见建议与投诉举报',
    menu: false,
    ability: ['review', 'draftList', 'submitList'],
    page: lazy(() => import('./pages/feedback/FeedbackDetailPage.tsx')),
  },
  // 网站完整性 (§15 ¶3): the city office closes and reopens the portal; the monitor's results
  {
    path: '/integrity',
    label: '网站完整性',
    icon: <SafetyCertificateOutlined />,
    ability: ['review', 'readAudit', 'managePolicy'],
    page: lazy(() => import('./pages/integrity/IntegrityPage.tsx')),
  },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    ability: ['manageBodies', ...WORKFLOW],
    page: lazy(() => import('./pages/calendar/CalendarPage.tsx')),
  },
  {
    path: '/rulebooks',
    label: '规则集',
    icon: <BookOutlined />,
    ability: ['manageBodies', ...WORKFLOW],
    page: lazy(() => import('./pages/adjustments/rulebook/RulebookPage.tsx')),
  },
  {
    path: '/bodies',
    label: '机构管理',
    icon: <ApartmentOutlined />,
    ability: 'manageBodies',
    page: lazy(() => import('./pages/bodies/BodiesPage.tsx')),
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    ability: ['manageUsers', 'manageRoles'],
    page: lazy(() => import('./pages/users/UsersPage.tsx')),
  },
  {
    path: '/admin-changes',
    label: '管理员变更确认',
    icon: <UserSwitchOutlined />,
    ability: ADMINS,
    page: lazy(() => import('./pages/admin-changes/AdminChangesPage.tsx')),
  },
  // 开放数据订阅 (issue 14.3, §15 ¶2): the city's office or the system administrator (the server checks canManageWebhooks)
  {
    path: '/open-data/webhooks',
    label: '开放数据订阅',
    icon: <ApiOutlined />,
    ability: ['manageBodies', 'review'],
    page: lazy(() => import('./pages/open-data/WebhooksPage.tsx')),
  },
  {
    path: '/security',
    label: '安全策略',
    icon: <SafetyCertificateOutlined />,
    ability: 'managePolicy',
    page: lazy(() => import('./pages/security/SecurityPolicyPage.tsx')),
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    ability: 'readAudit',
    page: lazy(() => import('./pages/audit/AuditPage.tsx')),
  },
];

export const routeByPath = (path: string) => ROUTES.find((r) => r.path === path);
