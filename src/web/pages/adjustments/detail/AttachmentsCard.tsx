// 附件 (§13.1 并附相关依据): uploaded while drafting, downloaded by anyone who may see the
// application. The server checks type, size and content; its Chinese refusal is shown as is.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { fmtTime } from '../../../lib/format.ts';
import { showError, toast } from '../../../lib/feedback.ts';
import { adjApi } from '../adjApi.ts';
import { fmtSize } from '../labels.ts';
import type { Adjustment, Attachment } from '../model.ts';

const ACCEPT = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';

export default function AttachmentsCard({ a, onChanged }: { a: Adjustment; onChanged: () => void }) {
  const editable = a.can.some((c) => c.action === 'edit');
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    try {
      await adjApi.upload(a.id, file);
      toast.success(`已上传“${file.name}”`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(f: Attachment) {
    try {
      await adjApi.removeAttachment(a.id, f.id);
      toast.success('附件已删除');
      onChanged();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <Card
      title={`附件（${a.attachments.length}）`}
      size="small"
      extra={
        editable && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              上传附件
            </Button>
          </Upload>
        )
      }
    >
      <List<Attachment>
        size="small"
        dataSource={a.attachments}
        locale={{ emptyText: editable ? '可上传 PDF、OFD、Word、Excel、PNG、JPEG，单个不超过 10 MB' : '无附件' }}
        renderItem={(f) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm
                      key="del"
                      title={`删除附件“${f.filename}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => remove(f)}
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除${f.filename}`}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <a href={adjApi.attachmentUrl(a.id, f.id)} download={f.filename}>
                <PaperClipOutlined /> {f.filename}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtSize(f.size_bytes)} · {f.uploaded_by_name} · {fmtTime(f.uploaded_at)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
