// One rulebook in full: each procedure's steps with who acts, the clock and its article; the
// adjustment kinds and which procedure they take; the causes; the categories of power.
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Citation } from '../DueText.tsx';
import { useCite, type RulebookData, type StepDef } from '../rulebook.ts';

const FROM: Record<string, string> = {
  triggerDate: '事由发生之日',
  submitted: '收到申请之日',
  consultationOpened: '征求意见开始之日',
  consultationEnded: '公示期满之日',
  approved: '政府批准之日',
  published: '公布之日',
};

function clockWords(s: StepDef): string {
  const c = s.clock;
  if (!c) return '—';
  const unit = c.unit === 'workday' ? '个工作日' : '日';
  return c.kind === 'minimumDuration'
    ? `不少于${c.amount}${unit}`
    : `自${FROM[c.from] ?? c.from}起${c.amount}${unit}内`;
}

export default function RulebookDetail({ rb }: { rb: RulebookData }) {
  const cite = useCite(rb);
  const note = (x: { inherited2023?: true }) => (x.inherited2023 ? <Tag color="warning">沿用2023年办法</Tag> : null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'reg', label: '依据', children: rb.regulation.title },
          {
            key: 'office',
            label: '日常管理机构',
            children: `${rb.managingOffice.fullName}（${rb.managingOffice.name}）`,
          },
          { key: 'basis', label: '上位规定', span: 2, children: rb.basis.join('；') || '—' },
          {
            key: 'batch',
            label: '调整方式',
            span: 2,
            children: rb.batchKinds.length ? rb.batchKinds.map((b) => b.label).join('、') : '不区分集中调整与个别调整',
          },
        ]}
      />
      {Object.values(rb.procedures).map((p) => (
        <div key={p.id}>
          <Typography.Title level={5}>办理程序：{p.label}</Typography.Title>
          <Table<StepDef & { stage: number }>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.stages.flatMap((st, i) => st.map((s) => ({ ...s, stage: i + 1 })))}
            columns={[
              { title: '顺序', dataIndex: 'stage', width: 60, align: 'center' },
              {
                title: '步骤',
                dataIndex: 'label',
                width: 240,
                render: (l: string, s) => (
                  <Space size={4}>
                    {l}
                    {note(s)}
                  </Space>
                ),
              },
              {
                title: '办理',
                dataIndex: 'roles',
                width: 200,
                render: (rs: StepDef['roles']) => rs.map((r) => rb.roles[r]?.label ?? r).join('、'),
              },
              { title: '时限', key: 'clock', width: 220, render: (_, s) => clockWords(s) },
              {
                title: '条款',
                key: 'art',
                render: (_, s) => (
                  <Citation
                    citation={s.clock ? cite(s.clock.article, s.clock.inherited2023) : cite(s.article, s.inherited2023)}
                    text={s.clock?.articleText ?? s.articleText}
                  />
                ),
              },
            ]}
          />
        </div>
      ))}
      <Typography.Title level={5}>调整类型</Typography.Title>
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={rb.adjustmentKinds}
        columns={[
          { title: '类型', dataIndex: 'label', width: 120 },
          { title: '办理程序', dataIndex: 'procedure', render: (p: string) => rb.procedures[p]?.label ?? p },
          {
            title: '条款',
            dataIndex: 'article',
            render: (a: string, k) => (
              <Space size={4}>
                <Citation citation={cite(a, k.inherited2023)} />
                {note(k)}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>调整事由</Typography.Title>
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={rb.triggerKinds}
        columns={[
          { title: '事由', dataIndex: 'label' },
          {
            title: '条款',
            dataIndex: 'articles',
            render: (as: string[], t) => (
              <Space size={4}>
                <Citation citation={as.map((a) => cite(a, t.inherited2023)).join('；')} />
                {note(t)}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>权力类别（{rb.categories.length}类）</Typography.Title>
      <Space wrap>
        {rb.categories.map((c) => (
          <Tag key={c.code}>
            {c.label}（{c.code}）
          </Tag>
        ))}
      </Space>
    </Space>
  );
}
