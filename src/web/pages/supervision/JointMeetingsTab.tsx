// §4 联席会议: the level's member bodies, its meetings (agenda, attendance, decisions) and the
// minutes the office publishes on the portal. Only the level's own office changes anything.
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  AGENDA_KIND_LABELS,
  AGENDA_KINDS,
  type AgendaKind,
  type MeetingView,
} from '../../../contract/joint-meeting.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { jointMeetingApi } from './jointMeetingApi.ts';

interface NewMeeting {
  title: string;
  heldOn: Dayjs;
  place?: string;
  agenda: { kind: AgendaKind; refId?: number; text: string }[];
}

function MembersCard({ onChange }: { onChange: () => void }) {
  const m = useLoad(() => jointMeetingApi.members());
  const [picked, setPicked] = useState<number[]>([]);
  useEffect(() => setPicked(m.data?.members.map((x) => x.bodyId) ?? []), [m.data]);
  if (!m.data) return null;
  async function save() {
    try {
      await jointMeetingApi.setMembers(m.data!.regionCode, picked);
      toast.success('已保存联席会议成员单位');
      void m.reload();
      onChange();
    } catch (e) {
      showError(e);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Typography.Text strong>{`${m.data.regionName}联席会议成员单位（${m.data.members.length}个）`}</Typography.Text>
      <Select
        mode="multiple"
        aria-label="成员单位"
        style={{ width: '100%' }}
        disabled={!m.data.manage}
        value={picked}
        onChange={setPicked}
        optionFilterProp="label"
        options={m.data.candidates.map((c) => ({ value: c.bodyId, label: c.bodyName }))}
      />
      {m.data.manage && <Button onClick={save}>保存成员单位</Button>}
    </Space>
  );
}

function RecordModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const members = useLoad(() => jointMeetingApi.members(meeting.regionCode), [meeting.regionCode]);
  const [present, setPresent] = useState<number[]>([]);
  const [form] = Form.useForm<{ decisions: string; minutes?: string }>();
  async function ok() {
    const v = await form.validateFields();
    try {
      await jointMeetingApi.record(meeting.id, {
        attendance: (members.data?.members ?? []).map((x) => ({
          bodyId: x.bodyId,
          present: present.includes(x.bodyId),
          attendee: '',
        })),
        decisions: v.decisions
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
        minutes: v.minutes ?? '',
      });
      toast.success('已记录会议情况');
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    }
  }
  return (
    <Modal
      open
      title={`记录会议：${meeting.title}`}
      onCancel={onClose}
      onOk={ok}
      okText="保存记录"
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph>出席的成员单位：</Typography.Paragraph>
      <Checkbox.Group
        value={present}
        onChange={(v) => setPresent(v as number[])}
        options={(members.data?.members ?? []).map((x) => ({ value: x.bodyId, label: x.bodyName }))}
      />
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          name="decisions"
          label="议定事项（每行一项）"
          rules={[{ required: true, whitespace: true, message: '请填写议定事项' }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="minutes" label="会议纪要">
          <Input.TextArea rows={6} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function JointMeetingsTab() {
  const list = useLoad(() => jointMeetingApi.list());
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState<MeetingView | null>(null);
  const [form] = Form.useForm<NewMeeting>();
  const members = useLoad(() => jointMeetingApi.members());
  async function create() {
    const v = await form.validateFields();
    try {
      await jointMeetingApi.create({
        region: members.data!.regionCode,
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        place: v.place ?? '',
        agenda: v.agenda.map((a) => ({ kind: a.kind, refId: a.refId ?? null, text: a.text })),
      });
      toast.success('已安排联席会议');
      setCreating(false);
      void list.reload();
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    }
  }
  const publish = async (m: MeetingView) => {
    try {
      await jointMeetingApi.publish(m.id);
      toast.success('会议纪要已在门户网站公开');
      void list.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <MembersCard onChange={() => void members.reload()} />
      {members.data?.manage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          安排联席会议
        </Button>
      )}
      <Table<MeetingView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        expandable={{
          expandedRowRender: (m) => (
            <Space direction="vertical">
              <span>议题：{m.agenda.map((a) => `${AGENDA_KIND_LABELS[a.kind]}：${a.text}`).join('；')}</span>
              {m.decisions.length > 0 && <span>议定事项：{m.decisions.join('；')}</span>}
            </Space>
          ),
        }}
        columns={[
          { title: '会议', dataIndex: 'title' },
          { title: '层级', dataIndex: 'regionName', width: 100 },
          { title: '日期', dataIndex: 'heldOn', width: 120 },
          {
            title: '状态',
            width: 140,
            render: (_, m) =>
              m.minutesPublishedAt ? (
                <Tag color="green">纪要已公开</Tag>
              ) : m.status === 'held' ? (
                <Tag color="blue">已召开</Tag>
              ) : (
                <Tag>待召开</Tag>
              ),
          },
          {
            title: '',
            width: 200,
            render: (_, m) =>
              m.manage &&
              !m.minutesPublishedAt && (
                <Space>
                  <Button size="small" onClick={() => setRecording(m)}>
                    记录会议
                  </Button>
                  {m.status === 'held' && (
                    <Button size="small" onClick={() => publish(m)}>
                      公开纪要
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="安排联席会议"
        onCancel={() => setCreating(false)}
        onOk={create}
        okText="安排会议"
        destroyOnHidden
        width={680}
      >
        <Form form={form} layout="vertical" initialValues={{ agenda: [{ kind: 'finding', text: '' }] }}>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input maxLength={100} />
          </Form.Item>
          <Form.List name="agenda">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择议题类型' }]}>
                      <Select
                        style={{ width: 180 }}
                        options={AGENDA_KINDS.map((k) => ({ value: k, label: AGENDA_KIND_LABELS[k] }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'text']}
                      rules={[{ required: true, whitespace: true, message: '请填写议题内容' }]}
                    >
                      <Input style={{ width: 340 }} placeholder="议题内容" />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ kind: 'other', text: '' })}>增加议题</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      {recording && (
        <RecordModal
          meeting={recording}
          onClose={() => {
            setRecording(null);
            void list.reload();
          }}
        />
      )}
    </>
  );
}
