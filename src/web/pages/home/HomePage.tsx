// 工作台首页: greeting, the actor's roles, and a card per role that opens on its work — how many
// applications wait for it and how many are overdue, each linking to that list (issue 9.7) —
// with its duties folded below and its pages.
import { ArrowRightOutlined, BankOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useNavigate } from 'react-router-dom';
import { greeting, todayText } from '../../lib/format.ts';
import { roleColor } from '../../labels.ts';
import { ADMINS, routeByPath } from '../../routes.tsx';
import { api } from '../../api.ts';
import { useActor, useSession } from '../../session.tsx';
import type { AdminChange, Role } from '../../types.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { ROLE_DUTIES, RULEBOOK_NAME } from './duties.ts';
import { inboxLink, WORKFLOW_ROLES, workloadApi } from './workload.ts';

/** The administrators' roles: their cards count the pending changes to administrators. */
const ADMIN_CARD_ROLES: readonly Role[] = ['sysAdmin', 'secAdmin', 'auditor'];

export default function HomePage() {
  const actor = useActor();
  const { can } = useSession();
  const navigate = useNavigate();
  const work = useLoad(() => workloadApi.get());
  const workOf = (role: Role) => work.data?.roles.find((w) => w.role === role);
  // administrators' waiting work: changes to administrators awaiting a second administrator (三员分立)
  const changes = useLoad(() => (can(ADMINS) ? api.adminChanges() : Promise.resolve([] as AdminChange[])));

  // one card per role; the bodies where it is held are listed on the card
  const byRole = new Map<Role, { label: string; bodies: string[] }>();
  for (const g of actor.roles) {
    const e = byRole.get(g.role) ?? { label: g.roleLabel, bodies: [] };
    if (!e.bodies.includes(g.bodyName)) e.bodies.push(g.bodyName);
    byRole.set(g.role, e);
  }

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          工作台
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 8 }}>
          {actor.user.displayName}，{greeting()}！今天是{todayText()}。
        </Typography.Paragraph>
        <Space wrap size={[8, 8]}>
          <Typography.Text type="secondary">您的角色：</Typography.Text>
          {actor.roles.length ? (
            actor.roles.map((g) => (
              <Tag key={`${g.role}@${g.bodyId}`} color={roleColor(g.role)} icon={<BankOutlined />}>
                {g.roleLabel} · {g.bodyName}
              </Tag>
            ))
          ) : (
            <Typography.Text type="warning">尚未分配角色，请联系本单位安全管理员授权</Typography.Text>
          )}
        </Space>
      </Card>

      {byRole.size === 0 ? (
        <Card>
          <Empty description="暂无可办理的业务。获得角色授权后，此处将显示您的工作事项。" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {[...byRole].map(([role, { label, bodies }]) => {
            const duty = ROLE_DUTIES[role];
            const links = duty.links.map(routeByPath).filter((r) => r && can(r.ability));
            return (
              <Col key={role} xs={24} md={12} xl={8}>
                <Card
                  title={
                    <Space>
                      <Tag color={roleColor(role)}>{label}</Tag>
                      <span>{duty.summary}</span>
                    </Space>
                  }
                  style={{ height: '100%' }}
                  styles={{ title: { whiteSpace: 'normal' } }}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {bodies.join('、')}
                  </Typography.Text>
                  {WORKFLOW_ROLES.includes(role) && (
                    <Space size={40} style={{ margin: '12px 0 4px' }} data-testid={`work-${role}`}>
                      <Link to={inboxLink(role)} aria-label={`${label}待办理的调整申请`}>
                        <Statistic
                          title="待办理"
                          value={workOf(role)?.waiting.length ?? 0}
                          suffix="件"
                          loading={work.loading}
                        />
                      </Link>
                      <Link to={inboxLink(role, true)} aria-label={`${label}已逾期的调整申请`}>
                        <Statistic
                          title="已逾期"
                          value={workOf(role)?.overdue.length ?? 0}
                          suffix="件"
                          loading={work.loading}
                          styles={{ content: { color: workOf(role)?.overdue.length ? '#cf1322' : undefined } }}
                        />
                      </Link>
                    </Space>
                  )}
                  {ADMIN_CARD_ROLES.includes(role) && (
                    <Space size={40} style={{ margin: '12px 0 4px' }} data-testid={`work-${role}`}>
                      <Link to="/admin-changes" aria-label="待您确认的管理员变更">
                        <Statistic
                          title="待您确认的管理员变更"
                          value={changes.data?.filter((c) => c.mayConfirm).length ?? 0}
                          suffix="件"
                          loading={changes.loading}
                        />
                      </Link>
                      <Link to="/admin-changes" aria-label="全部待确认的管理员变更">
                        <Statistic
                          title="全部待确认"
                          value={changes.data?.length ?? 0}
                          suffix="件"
                          loading={changes.loading}
                        />
                      </Link>
                    </Space>
                  )}
                  <details style={{ margin: '10px 0 14px' }}>
                    <summary style={{ cursor: 'pointer' }}>本角色职责</summary>
                    <ul style={{ paddingInlineStart: 20, margin: '6px 0 0' }}>
                      {duty.duties.map((d) => (
                        <li key={d} style={{ marginBottom: 4 }}>
                          {d}
                        </li>
                      ))}
                    </ul>
                  </details>
                  {links.length ? (
                    <Space wrap>
                      {links.map(
                        (r) =>
                          r && (
                            <Button key={r.path} type="primary" ghost icon={r.icon} onClick={() => navigate(r.path)}>
                              {r.label} <ArrowRightOutlined />
                            </Button>
                          ),
                      )}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">
                      权责清单编制与动态调整功能正在上线中，届时将在此处提供办理入口。
                    </Typography.Text>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        职责依据：{RULEBOOK_NAME}
      </Typography.Text>
    </Space>
  );
}
