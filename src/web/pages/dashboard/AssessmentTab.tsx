// 绩效考核 (§5, §16 ¶1): the level's ranked table, each body's drill-down to the facts behind each
// point, the office's adjustment with a reason (the computed score stays shown), and the exports.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { DrillDown, Ranking } from '../../../contract/assessment.ts';
import { http, withQuery } from '../../api.ts';
import { showError } from '../../lib/feedback.ts';
import { useLoad } from '../../lib/useLoad.ts';

type Term = DrillDown['terms'][number];
const valueText = (v: Term['value']) =>
  v.kind === 'count'
    ? `${v.n} 件`
    : v.of === 0
      ? '无应办事项'
      : `${v.done} / ${v.of}（${Math.round((1000 * v.done) / v.of) / 10}%）`;

/** One body's score and the facts behind each point; the office of its level may adjust it. */
export function BodyScore({ id, year, onChanged }: { id: number; year: number; onChanged?: () => void }) {
  const d = useLoad(() => http.get<DrillDown>(`/api/assessment/bodies/${id}`, { year }), [id, year]);
  const [adjusting, setAdjusting] = useState(false);
  const [form] = Form.useForm<{ score: number; reason: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await http.post(`/api/assessment/bodies/${id}/adjustments`, { year, ...v });
      setAdjusting(false);
      form.resetFields();
      await d.reload();
      onChanged?.();
    } catch (e) {
      showError(e);
    }
  };
  const x = d.data;
  return (
    <>
      {x && (
        <>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="计算得分">{x.computed}</Descriptions.Item>
            <Descriptions.Item label="最终得分">{x.score}</Descriptions.Item>
            <Descriptions.Item label="满分">{x.base}</Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            pagination={false}
            rowKey="fact"
            caption="每项得分所依据的事实"
            dataSource={x.terms}
            columns={[
              { title: '指标', dataIndex: 'label' },
              { title: '依据', dataIndex: 'article' },
              { title: '事实', render: (_v, t: Term) => valueText(t.value) },
              { title: '计分', render: (_v, t: Term) => `×${t.weight}，上限${t.cap}` },
              { title: '扣分', dataIndex: 'deduction' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            得分调整记录
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_r, i) => String(i)}
            dataSource={x.adjustments}
            locale={{ emptyText: '未调整' }}
            columns={[
              { title: '调整后得分', dataIndex: 'score' },
              { title: '理由', dataIndex: 'reason' },
              { title: '调整人', dataIndex: 'by' },
              { title: '时间', dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            ]}
          />
          {x.canAdjust && (
            <Button style={{ marginTop: 16 }} onClick={() => setAdjusting(true)}>
              调整得分
            </Button>
          )}
          <Modal open={adjusting} title="调整考核得分" okText="保存" onOk={save} onCancel={() => setAdjusting(false)}>
            <Form form={form} layout="vertical">
              <Form.Item name="score" label="调整后得分" rules={[{ required: true, message: '请填写调整后的得分' }]}>
                <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name="reason"
                label="调整理由"
                rules={[{ required: true, whitespace: true, message: '调整得分必须说明理由' }]}
              >
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </>
  );
}

function BodyDrawer(p: { id: number; year: number; onClose: () => void; onChanged: () => void }) {
  return (
    <Drawer open width={760} title={`${p.year}年度考核详情`} onClose={p.onClose}>
      <BodyScore id={p.id} year={p.year} onChanged={p.onChanged} />
    </Drawer>
  );
}

export function AssessmentTab({ level, year, bodyId }: { level: string; year: number; bodyId?: number }) {
  const r = useLoad(() => http.get<Ranking>('/api/assessment', { level, year }), [level, year]);
  const [open, setOpen] = useState<number | null>(null);
  const rows = (r.data?.rows ?? []).filter((x) => !bodyId || x.bodyId === bodyId);
  const url = (f: string) => withQuery(`/api/assessment/export.${f}`, { level, year });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<FileExcelOutlined />} href={url('xlsx')} download>
          导出Excel
        </Button>
        <Button icon={<FileWordOutlined />} href={url('docx')} download>
          导出Word
        </Button>
        {r.data && (
          <Typography.Text type="secondary">
            计分方法：满分{r.data.base}分，{r.data.terms.map((t) => `${t.label}（${t.article}）`).join('、')}
            按规则集扣分，权重为平台设定。
          </Typography.Text>
        )}
      </Space>
      <Table
        size="small"
        loading={r.loading}
        rowKey="bodyId"
        caption={r.data ? `${r.data.level.name}${year}年度绩效考核排名` : undefined}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70 },
          {
            title: '职权行使机构',
            dataIndex: 'bodyName',
            render: (v: string, x) => (
              <Button type="link" size="small" onClick={() => setOpen(x.bodyId)}>
                {v}
              </Button>
            ),
          },
          { title: '区划', dataIndex: 'regionName' },
          { title: '计算得分', dataIndex: 'computed' },
          { title: '最终得分', dataIndex: 'score' },
          { title: '调整理由', render: (_v, x) => x.adjusted?.reason ?? '' },
        ]}
      />
      {open && <BodyDrawer id={open} year={year} onClose={() => setOpen(null)} onChanged={() => r.reload()} />}
    </>
  );
}
