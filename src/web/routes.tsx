// The workspace's pages: one line each. The side menu and the router are both built from this
// table; a page shows only to actors holding one of its abilities (the server checks again).
// To add a page: write src/web/pages/<name>/<Name>Page.tsx with a default export, then add
//   { path: '/lists', label: '权责清单', icon: <ProfileOutlined />, ability: ['draftList', 'review'], page: lazy(() => import('./pages/lists/ListsPage.tsx')) },
import {
  ApartmentOutlined, AuditOutlined, HomeOutlined, ProfileOutlined, SafetyCertificateOutlined, TeamOutlined,
} from '@ant-design/icons';
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

export const ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, page: lazy(() => import('./pages/home/HomePage.tsx')) },
  { path: '/lists', label: '权责清单', icon: <ProfileOutlined />, ability: ['draftList', 'submitList', 'review', 'legalReview', 'approve'], page: lazy(() => import('./pages/lists/ListsPage.tsx')) },
  { path: '/lists/*', label: '权责清单', menu: false, ability: ['draftList', 'submitList', 'review', 'legalReview', 'approve'], page: lazy(() => import('./pages/lists/ListsRouter.tsx')) },
  { path: '/bodies', label: '机构管理', icon: <ApartmentOutlined />, ability: 'manageBodies', page: lazy(() => import('./pages/bodies/BodiesPage.tsx')) },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, ability: ['manageUsers', 'manageRoles'], page: lazy(() => import('./pages/users/UsersPage.tsx')) },
  { path: '/security', label: '安全策略', icon: <SafetyCertificateOutlined />, ability: 'managePolicy', page: lazy(() => import('./pages/security/SecurityPolicyPage.tsx')) },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, ability: 'readAudit', page: lazy(() => import('./pages/audit/AuditPage.tsx')) },
];

export const routeByPath = (path: string) => ROUTES.find((r) => r.path === path);
