// 申请内容 (§13.1): cause and date with the filing deadline, reason, legal basis, 下级承接情况 and
// the receiving body for a delegation, special notes. Editable by the clerk while drafting.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Citation, LeftTag, Provisional } from '../DueText.tsx';
import { KIND_COLORS } from '../labels.ts';
import type { Adjustment } from '../model.ts';
import type { RulebookData } from '../rulebook.ts';
import ContentForm from './ContentForm.tsx';

const para = (t: string) =>
  t.trim() ? (
    <div style={{ whiteSpace: 'pre-wrap' }}>{t}</div>
  ) : (
    <Typography.Text type="secondary">（未填写）</Typography.Text>
  );

export function FilingDue({ a }: { a: Adjustment }) {
  const f = a.filing;
  return (
    <div>
      <Space size={6} wrap>
        <span>{f.due} 前报送</span>
        {f.provisional && <Provisional />}
        {a.firstSubmittedAt ? (
          <Tag color={f.late ? 'volcano' : 'success'} style={{ marginInlineEnd: 0 }}>
            {f.late ? '已报送（迟报）' : '已按时报送'}
          </Tag>
        ) : (
          <LeftTag workdaysLeft={f.workdaysLeft} overdue={f.workdaysLeft !== null && f.workdaysLeft < 0} />
        )}
        {f.missing && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            漏报
          </Tag>
        )}
      </Space>
      <div>
        <Citation citation={f.citation} text={f.articleText} />
      </div>
    </div>
  );
}

export default function ContentCard({
  a,
  rb,
  onSaved,
}: {
  a: Adjustment;
  rb: RulebookData;
  onSaved: (a: Adjustment) => void;
}) {
  const [editing, setEditing] = useState(false);
  const editable = a.can.some((c) => c.action === 'edit');
  const handsOver = a.kind === 'delegate' || a.kind === 'entrust';
  if (editing)
    return (
      <ContentForm
        a={a}
        rb={rb}
        onCancel={() => setEditing(false)}
        onSaved={(n) => {
          setEditing(false);
          onSaved(n);
        }}
        onRefreshed={onSaved}
      />
    );
  return (
    <Card
      title="申请内容"
      size="small"
      extra={
        editable && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'body', label: '申请单位', children: a.bodyName },
          {
            key: 'kind',
            label: '调整类型',
            children: (
              <Space size={6}>
                <Tag color={KIND_COLORS[a.kind]}>{a.kindLabel}</Tag>
                <Citation citation={a.kindCitation} />
              </Space>
            ),
          },
          {
            key: 'trigger',
            label: '调整事由',
            children: (
              <>
                {a.triggerKindLabel}
                {a.lawChangeId && <Tag style={{ marginInlineStart: 6 }}>法律文件立改废生成</Tag>}
              </>
            ),
          },
          { key: 'date', label: '事由发生之日', children: a.triggerDate },
          { key: 'filing', label: '报送期限', span: 2, children: <FilingDue a={a} /> },
          ...(handsOver
            ? [
                {
                  key: 'recv',
                  label: a.kind === 'delegate' ? '承接部门' : '受委托机构',
                  span: 2,
                  children: a.receivingBodyName ?? <Typography.Text type="warning">（未选择）</Typography.Text>,
                },
              ]
            : []),
          { key: 'reason', label: '调整理由', span: 2, children: para(a.reason) },
          { key: 'basis', label: '调整依据', span: 2, children: para(a.legalBasis) },
          ...(a.kind === 'delegate' || a.takeover
            ? [{ key: 'takeover', label: '下级承接情况', span: 2, children: para(a.takeover) }]
            : []),
          { key: 'notes', label: '需要特别说明的情况', span: 2, children: para(a.specialNotes) },
          ...(a.normativeDocumentNumber
            ? [{ key: 'doc', label: '规范性文件文号', span: 2, children: a.normativeDocumentNumber }]
            : []),
          ...(a.publishedVersion
            ? [
                {
                  key: 'pub',
                  label: '公布结果',
                  span: 2,
                  children: `权责清单第${a.publishedVersion}版${a.receivingPublishedVersion ? `；承接部门清单第${a.receivingPublishedVersion}版` : ''}`,
                },
              ]
            : []),
          ...(rb.batchKinds.length
            ? [
                {
                  key: 'batch',
                  label: '调整方式',
                  span: 2,
                  children: a.batchId ? `集中调整（批次 ${a.batchId}）` : '个别调整',
                },
              ]
            : []),
          { key: 'rb', label: '适用规则', span: 2, children: rb.label },
        ]}
      />
    </Card>
  );
}
