// The editor's two list fields: 责任事项 (ordered: name and content, movable) and 追责情形
// (a list of cases), each with add / remove / reorder, and the category's usual template.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tooltip, Typography } from 'antd';

const Reorder = ({
  i,
  n,
  move,
  remove,
  what,
}: {
  i: number;
  n: number;
  move: (a: number, b: number) => void;
  remove: (i: number) => void;
  what: string;
}) => (
  <Space size={0}>
    <Tooltip title="上移">
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={i === 0}
        onClick={() => move(i, i - 1)}
        aria-label={`上移第${i + 1}项${what}`}
      />
    </Tooltip>
    <Tooltip title="下移">
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={i === n - 1}
        onClick={() => move(i, i + 1)}
        aria-label={`下移第${i + 1}项${what}`}
      />
    </Tooltip>
    <Tooltip title="删除">
      <Button
        type="text"
        size="small"
        danger
        icon={<DeleteOutlined />}
        onClick={() => remove(i)}
        aria-label={`删除第${i + 1}项${what}`}
      />
    </Tooltip>
  </Space>
);

export function ResponsibilitiesField({ disabled }: { disabled?: boolean }) {
  return (
    <Form.List
      name="responsibilities"
      rules={[
        {
          validator: async (_, v: unknown[]) => {
            if (!v || v.length === 0) throw new Error('请至少填写一项责任事项');
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <div key={f.key} className="list-field-row" data-testid="responsibility">
              <Typography.Text className="list-field-no">{i + 1}</Typography.Text>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Form.Item
                  name={[f.name, 'name']}
                  style={{ marginBottom: 6 }}
                  rules={[
                    { required: true, whitespace: true, message: '请输入责任事项名称' },
                    { max: 50, message: '责任事项名称不能超过50个字' },
                  ]}
                >
                  <Input placeholder="责任名称，如：受理责任" maxLength={50} disabled={disabled} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'content']}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: '请输入责任事项内容' },
                    { max: 2000, message: '责任事项内容不能超过2000个字' },
                  ]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    placeholder="责任内容"
                    maxLength={2000}
                    disabled={disabled}
                  />
                </Form.Item>
              </div>
              {!disabled && <Reorder i={i} n={fields.length} move={move} remove={remove} what="责任事项" />}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {!disabled && fields.length < 30 && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', content: '' })}>
              添加责任事项
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

export function CasesField({ disabled }: { disabled?: boolean }) {
  return (
    <Form.List
      name="accountabilityCases"
      rules={[
        {
          validator: async (_, v: unknown[]) => {
            if (!v || v.length === 0) throw new Error('请至少填写一项追责情形');
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <div key={f.key} className="list-field-row" data-testid="accountability-case">
              <Typography.Text className="list-field-no">{i + 1}</Typography.Text>
              <Form.Item
                name={f.name}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: '请输入追责情形' },
                  { max: 500, message: '追责情形不能超过500个字' },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder="如：对符合法定条件的申请不予受理的"
                  maxLength={500}
                  disabled={disabled}
                />
              </Form.Item>
              {!disabled && <Reorder i={i} n={fields.length} move={move} remove={remove} what="追责情形" />}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {!disabled && fields.length < 50 && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
              添加追责情形
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
