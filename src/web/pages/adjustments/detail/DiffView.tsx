// 拟调整内容: field by field, 原值 → 拟调整为, against the body's current published version (the
// server's preview of the publication), or — once published — as recorded on the application.
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { PROPOSABLE_FIELDS } from '../../../../contract/adjustments.ts';
import { FIELD_LABELS, pathWords, valueText } from '../labels.ts';
import type { Adjustment, FieldChange, ListDiff, Power } from '../model.ts';

// the fields an application may propose (§13.1), in the form's order
const CONTENT_FIELDS = PROPOSABLE_FIELDS;

interface Row {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
}

function changeRows(changes: FieldChange[]): Row[] {
  return changes.map((c, i) => ({
    key: `${c.path}:${i}`,
    label: pathWords(c),
    before: c.before === undefined ? null : valueText(c.field, c.before),
    after: c.after === undefined ? null : valueText(c.field, c.after),
  }));
}

function powerRows(p: Power, side: 'before' | 'after', categories: Map<string, string>): Row[] {
  return CONTENT_FIELDS.map((f) => {
    const raw = (p as unknown as Record<string, unknown>)[f];
    const text = f === 'category' ? `${categories.get(String(raw)) ?? raw}（${raw}）` : valueText(f, raw);
    return {
      key: f,
      label: FIELD_LABELS[f],
      before: side === 'before' ? text : null,
      after: side === 'after' ? text : null,
    };
  });
}

export function ChangeTable({ rows, published }: { rows: Row[]; published?: boolean }) {
  // a power added or removed as a whole has only one side: no empty column beside it
  const added = rows.every((r) => r.before === null);
  const removed = rows.every((r) => r.after === null);
  const before = {
    title: '原值',
    dataIndex: 'before',
    render: (v: string | null) =>
      v === null ? (
        <Typography.Text type="secondary">（无）</Typography.Text>
      ) : (
        <span className={removed ? '' : 'diff-before'}>{v}</span>
      ),
  };
  const after = {
    title: published ? '调整为' : '拟调整为',
    dataIndex: 'after',
    render: (v: string | null) =>
      v === null ? (
        <Typography.Text type="secondary">（删除）</Typography.Text>
      ) : (
        <span className={added ? '' : 'diff-after'}>{v}</span>
      ),
  };
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      className="diff-table"
      columns={[
        { title: '字段', dataIndex: 'label', width: 170 },
        ...(added ? [] : [before]),
        ...(removed ? [] : [after]),
      ]}
    />
  );
}

function ListDiffView({
  diff,
  categories,
  published,
  changeTag = '修改',
}: {
  diff: ListDiff;
  categories: Map<string, string>;
  published?: boolean;
  changeTag?: string;
}) {
  const blocks = [
    ...diff.changed.map((c) => (
      <Card
        key={`c:${c.code}`}
        size="small"
        type="inner"
        title={
          <Space>
            <Tag color="blue">{changeTag}</Tag>
            {c.nameBefore}
            <Typography.Text type="secondary" copyable={{ text: c.code }}>
              {c.code}
            </Typography.Text>
          </Space>
        }
      >
        <ChangeTable rows={changeRows(c.changes)} published={published} />
      </Card>
    )),
    ...diff.added.map((p, i) => (
      <Card
        key={`a:${p.code || i}`}
        size="small"
        type="inner"
        title={
          <Space>
            <Tag color="green">新增</Tag>
            {p.name}
            <Typography.Text type="secondary">{p.code || '公布时赋码'}</Typography.Text>
          </Space>
        }
      >
        <ChangeTable rows={powerRows(p, 'after', categories)} published={published} />
      </Card>
    )),
    ...diff.removed.map((p) => (
      <Card
        key={`r:${p.code}`}
        size="small"
        type="inner"
        title={
          <Space>
            <Tag color="red">移出清单</Tag>
            {p.name}
            <Typography.Text type="secondary">{p.code}</Typography.Text>
          </Space>
        }
      >
        <ChangeTable rows={powerRows(p, 'before', categories)} published={published} />
      </Card>
    )),
  ];
  return blocks.length ? (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {blocks}
    </Space>
  ) : (
    <Empty description="尚未填写拟调整的行政职权" />
  );
}

/** After publication there is no preview: rebuild the picture from the stored items. */
function fromItems(a: Adjustment): ListDiff {
  const RESULT: Partial<Record<string, string>> = {
    cancel: 'cancelled',
    delegate: 'delegated',
    entrust: 'entrusted',
    merge: 'merged',
  };
  const changed = a.items
    .filter((i) => i.base)
    .map((i) => ({
      code: i.targetCode!,
      nameBefore: i.base!.name,
      nameAfter: i.proposed?.name ?? i.base!.name,
      changes: i.changes.length
        ? i.changes
        : RESULT[a.kind]
          ? [{ field: 'status', path: 'status', before: i.base!.status, after: RESULT[a.kind] }]
          : [],
    }));
  const added = a.items.filter((i) => !i.base && i.proposed).map((i) => ({ ...i.proposed!, code: i.resultCode ?? '' }));
  return { changed, added, removed: [], unchangedCount: 0 };
}

export default function DiffView({ a, categories }: { a: Adjustment; categories: Map<string, string> }) {
  const published = a.publishedAt !== null;
  const preview = a.preview && !a.preview.error ? a.preview : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="diff-view">
      {a.preview?.error && (
        <Alert type="warning" showIcon title="按现行清单无法生成调整结果" description={a.preview.error} />
      )}
      <Typography.Text type="secondary">
        {published
          ? `已公布为第${a.publishedVersion}版。`
          : `对比基础：本部门现行权责清单第${a.currentVersion ?? '—'}版${a.baseVersion && a.baseVersion !== a.currentVersion ? `（本申请按第${a.baseVersion}版填写）` : ''}。`}
      </Typography.Text>
      <ListDiffView
        diff={preview ? preview.diff : fromItems(a)}
        categories={categories}
        published={published}
        changeTag={a.kind === 'modify' ? '修改' : a.kindLabel}
      />
      {preview?.receivingDiff && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            承接部门（{a.receivingBodyName}）清单的变化
          </Typography.Title>
          <ListDiffView diff={preview.receivingDiff} categories={categories} />
        </>
      )}
    </Space>
  );
}
