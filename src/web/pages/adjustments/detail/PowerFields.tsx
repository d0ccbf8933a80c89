// The 职权信息表 fields of one power (§6, §7) inside a larger form, under `prefix`: used for a
// new power and for the proposed values of an existing one.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { LEGAL_LEVELS } from '../../../../contract/register.ts';
import LegalBasisField from '../../lists/editor/LegalBasisField.tsx';

/** §7 levels of a 设定依据, as the server accepts them: the contract's list. */
export { LEGAL_LEVELS };

const req = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

export default function PowerFields({
  prefix,
  categories,
}: {
  prefix: (string | number)[];
  categories: readonly { code: string; label: string }[];
}) {
  const n = (...p: (string | number)[]): (string | number)[] => [...prefix, ...p];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name={n('name')}
            label="行政职权名称"
            rules={[...req('行政职权名称'), { min: 2, message: '至少2个字' }, { max: 200, message: '不能超过200个字' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={n('category')} label="权力类别" rules={[{ required: true, message: '请选择权力类别' }]}>
            <Select
              options={categories.map((c) => ({ value: c.code, label: `${c.label}（${c.code}）` }))}
              placeholder="请选择"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={n('responsibleSubject')}
            label="责任主体"
            rules={[...req('责任主体'), { max: 100, message: '不能超过100个字' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={n('implementingAgency')}
            label="实施机构"
            rules={[...req('实施机构'), { max: 100, message: '不能超过100个字' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text strong>法定依据</Typography.Text>
      {/* §7: citations are chosen from the legal-document register, as at first compilation */}
      <Form.Item
        name={n('legalBases')}
        rules={[{ required: true, type: 'array', min: 1, message: '请至少添加一项法定依据' }]}
      >
        <LegalBasisField />
      </Form.Item>

      <Typography.Text strong>责任事项</Typography.Text>
      <Form.List name={n('responsibilities')}>
        {(fields, { add, remove }) => (
          <div className="power-list-block">
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8}>
                <Col flex="24px">
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                </Col>
                <Col flex="0 0 160px">
                  <Form.Item name={[f.name, 'name']} rules={req('责任事项名称')}>
                    <Input placeholder="如：受理责任" maxLength={50} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 300px">
                  <Form.Item name={[f.name, 'content']} initialValue="">
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="责任事项内容" maxLength={2000} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label="删除该责任事项"
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', content: '' })}>
              添加责任事项
            </Button>
          </div>
        )}
      </Form.List>

      <Typography.Text strong>追责情形</Typography.Text>
      <Form.List name={n('accountabilityCases')}>
        {(fields, { add, remove }) => (
          <div className="power-list-block">
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                <Form.Item name={f.name} rules={req('追责情形')} style={{ flex: 1, minWidth: 420 }}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除该追责情形"
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              添加追责情形
            </Button>
          </div>
        )}
      </Form.List>

      <Form.Item name={n('accountabilityBasis')} label="追责依据" rules={[{ max: 2000, message: '不能超过2000个字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name={n('remarks')} label="备注" rules={[{ max: 1000, message: '不能超过1000个字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
      </Form.Item>
    </>
  );
}
