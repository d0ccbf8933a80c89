// 法定依据 as an ordered list of citations (§7), each picked from the legal-document library
// with its article and text. A form control: value / onChange.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { LEVEL_COLOR } from '../labels.ts';
import type { Citation } from '../listApi.ts';
import DocumentPickerModal from './DocumentPickerModal.tsx';

interface Props {
  value?: Citation[];
  onChange?: (v: Citation[]) => void;
  disabled?: boolean;
}

export function CitationText({ c, index }: { c: Citation; index?: number }) {
  return (
    <div>
      <Space size={6} wrap>
        {index !== undefined && <Typography.Text type="secondary">{index + 1}.</Typography.Text>}
        <Typography.Text strong>{c.documentName}</Typography.Text>
        <Typography.Text>{c.article}</Typography.Text>
        <Tag color={LEVEL_COLOR[c.level]}>{c.level}</Tag>
        {c.expiryDate && <Tag color="magenta">有效期至 {c.expiryDate}</Tag>}
        {c.inferred && (
          <Tooltip title="条款或条文尚未与法律文件原文核对">
            <Tag color="warning">待核</Tag>
          </Tooltip>
        )}
      </Space>
      {c.text && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          {c.text}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export default function LegalBasisField({ value = [], onChange, disabled }: Props) {
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const set = (v: Citation[]) => onChange?.(v);
  const move = (i: number, d: -1 | 1) => {
    const v = [...value];
    [v[i], v[i + d]] = [v[i + d], v[i]];
    set(v);
  };

  return (
    <div className="citation-field">
      {value.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未添加法定依据" style={{ margin: '8px 0' }} />
      )}
      {value.map((c, i) => (
        <div
          key={`${c.documentId ?? c.documentName}-${c.article}-${i}`}
          className="citation-row"
          data-testid="citation"
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <CitationText c={c} index={i} />
          </div>
          {!disabled && (
            <Space size={0}>
              <Tooltip title="上移">
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label="上移"
                />
              </Tooltip>
              <Tooltip title="下移">
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === value.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label="下移"
                />
              </Tooltip>
              <Tooltip title="修改">
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ index: i })}
                  aria-label="修改依据"
                />
              </Tooltip>
              <Tooltip title="删除">
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => set(value.filter((_, j) => j !== i))}
                  aria-label="删除依据"
                />
              </Tooltip>
            </Space>
          )}
        </div>
      ))}
      {!disabled && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => setEditing({ index: null })}
          style={{ marginTop: 8 }}
        >
          从法律文件库添加法定依据
        </Button>
      )}
      <DocumentPickerModal
        open={!!editing}
        initial={editing?.index != null ? value[editing.index] : undefined}
        onClose={() => setEditing(null)}
        onPicked={(c) => {
          const i = editing?.index;
          set(i == null ? [...value, c] : value.map((x, j) => (j === i ? c : x)));
          setEditing(null);
        }}
      />
    </div>
  );
}
