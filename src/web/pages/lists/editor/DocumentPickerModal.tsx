// 选择法定依据 (§7): search the legal-document library, pick one document, then give the article
// cited and its text. The same document is one record cited by many powers, so a citation
// points at the record (documentId); documents not in the library are entered by the
// coordination office or the legal office first.
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useLoad } from '../../../lib/useLoad.ts';
import { LEGAL_LEVELS, LEVEL_COLOR } from '../labels.ts';
import { listApi, type Citation, type LegalDocument } from '../listApi.ts';

interface Props {
  open: boolean;
  /** the citation being changed; undefined = a new one */
  initial?: Citation;
  onClose: () => void;
  onPicked: (c: Citation) => void;
}

const PAGE = 8;

export default function DocumentPickerModal({ open, initial, onClose, onPicked }: Props) {
  const [form] = Form.useForm<{ article: string; text: string }>();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [doc, setDoc] = useState<(Pick<LegalDocument, 'name' | 'level'> & { id?: number }) | null>(null);
  const docs = useLoad(
    () =>
      open
        ? listApi.documents({ q: q.trim() || undefined, level, limit: PAGE, offset: (page - 1) * PAGE })
        : Promise.resolve({ items: [], total: 0 }),
    [open, q, level, page],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setQ('');
    setLevel(undefined);
    setPage(1);
    if (initial) {
      // a citation links its register record by number (an unlinked one names only its title)
      const id = typeof initial.documentId === 'number' ? initial.documentId : undefined;
      setDoc({ id, name: initial.documentName, level: initial.level });
      form.setFieldsValue({ article: initial.article, text: initial.text });
    } else setDoc(null);
  }, [open, initial, form]);

  async function ok() {
    if (!doc) return;
    const v = await form.validateFields();
    onPicked({
      documentId: doc.id,
      documentName: doc.name,
      // the register keeps only §7's levels (the server checks each document it records)
      level: doc.level as Citation['level'],
      article: v.article.trim(),
      text: (v.text ?? '').trim(),
    });
  }

  const columns: TableColumnsType<LegalDocument> = [
    {
      title: '法律文件名称',
      dataIndex: 'name',
      render: (n: string, d) => (
        <Space size={4} wrap>
          {n}
          {d.status === 'repealed' && <Tag>已废止</Tag>}
        </Space>
      ),
    },
    { title: '效力层级', dataIndex: 'level', width: 130, render: (l: string) => <Tag color={LEVEL_COLOR[l]}>{l}</Tag> },
    { title: '制定机关', dataIndex: 'issuingBody', width: 170, render: (v: string | null) => v ?? '—' },
    { title: '最新修订', dataIndex: 'latestVersionDate', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, d) => (
        <Button
          type="link"
          size="small"
          disabled={d.status === 'repealed'}
          onClick={() => setDoc(d)}
          aria-label={`选择${d.name}`}
        >
          选择
        </Button>
      ),
    },
  ];

  return (
    <Modal
      title={initial ? '修改法定依据' : '添加法定依据'}
      open={open}
      onCancel={onClose}
      width={900}
      destroyOnHidden
      okText="确定"
      cancelText="取消"
      onOk={ok}
      okButtonProps={{ disabled: !doc }}
    >
      {!doc ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              placeholder="输入法律文件名称、文号或制定机关"
              allowClear
              enterButton={
                <>
                  <SearchOutlined /> 查询
                </>
              }
              style={{ width: 380 }}
              maxLength={100}
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              aria-label="检索法律文件"
            />
            <Select
              style={{ width: 170 }}
              allowClear
              placeholder="全部效力层级"
              value={level}
              options={LEGAL_LEVELS.map((l) => ({ value: l, label: l }))}
              onChange={(v) => {
                setLevel(v);
                setPage(1);
              }}
            />
          </Space>
          <Table<LegalDocument>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={docs.data?.items ?? []}
            loading={docs.loading}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: docs.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 部`,
            }}
          />
          <Typography.Text type="secondary">
            法律文件库由协调小组办公室、法制机构维护。找不到所需文件时，请联系本级协调小组办公室或法制机构先行录入。
          </Typography.Text>
        </>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                <span>已选择：</span>
                <Typography.Text strong>{doc.name}</Typography.Text>
                <Tag color={LEVEL_COLOR[doc.level]}>{doc.level}</Tag>
                <Button size="small" type="link" onClick={() => setDoc(null)}>
                  重新选择
                </Button>
              </Space>
            }
          />
          <Form form={form} layout="vertical" autoComplete="off">
            <Form.Item
              name="article"
              label="条款"
              rules={[
                { required: true, whitespace: true, message: '请输入条款（如 第十二条）' },
                { max: 100, message: '条款不能超过100个字' },
              ]}
              extra="写明条、款、项，如：第三十五条第一款"
            >
              <Input placeholder="如：第三十五条" maxLength={100} />
            </Form.Item>
            <Form.Item name="text" label="条文内容" rules={[{ max: 4000, message: '条文内容不能超过4000个字' }]}>
              <Input.TextArea rows={5} placeholder="摘录所引条款的原文" maxLength={4000} showCount />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
