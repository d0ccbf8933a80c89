// One audit event: who, what, when, and the object's state before and after.
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { fmtTime } from '../../lib/format.ts';
import type { AuditRow } from '../../types.ts';

import { actorWords, objectWords, roleWords } from './objectWords.ts';
export { OBJECT_LABELS } from './objectWords.ts';

const Json = ({ value }: { value: unknown }) =>
  value === null || value === undefined ? (
    <Typography.Text type="secondary">（无）</Typography.Text>
  ) : (
    <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>
  );

export default function AuditDetailDrawer({ row, onClose }: { row: AuditRow | null; onClose: () => void }) {
  return (
    <Drawer
      title={row ? `审计记录（第${row.seq}条）` : '审计记录'}
      open={!!row}
      onClose={onClose}
      size={620}
      destroyOnHidden
    >
      {row && (
        <>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="序号">{row.seq}</Descriptions.Item>
            <Descriptions.Item label="时间">{fmtTime(row.at)}</Descriptions.Item>
            <Descriptions.Item label="操作类型">
              <Tag color="blue">{row.actionLabel}</Tag> <Typography.Text type="secondary">{row.action}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="操作人">{actorWords(row)}</Descriptions.Item>
            <Descriptions.Item label="角色">{roleWords(row)}</Descriptions.Item>
            <Descriptions.Item label="机构">{row.bodyName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="操作对象">{objectWords(row)}</Descriptions.Item>
            <Descriptions.Item label="客户端地址">{row.clientIp ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="SM3 摘要">
              <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                {row.digest}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            变更前
          </Typography.Title>
          <Json value={row.before} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            变更后
          </Typography.Title>
          <Json value={row.after} />
        </>
      )}
    </Drawer>
  );
}
