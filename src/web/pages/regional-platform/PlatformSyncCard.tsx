// §13.1 放权部门在5个工作日内，通过自治区事项管理平台……调整本部门事项，确保各平台与实际情况一致:
// on an application at (or past) its platform step — the codes it changed, the reconciliations
// attached; for the body: download its list in the exchange format, import the regional platform's
// export, and attach a reconciliation that shows the changes there. The server decides (it refuses
// one that does not), this card only shows and asks.
import { CloudUploadOutlined, DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fmtTime } from '../../lib/format.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Adjustment } from '../adjustments/model.ts';
import { bodyExportUrl, type Reconciliation, rpApi } from './rpApi.ts';

export default function PlatformSyncCard({ a, onChanged }: { a: Adjustment; onChanged: () => void }) {
  const atStep = a.openSteps.includes('platformSync') || a.completedSteps.includes('platformSync');
  const mine = a.can.some((c) => c.action === 'complete' && c.step === 'platformSync');
  const res = useLoad(() => (atStep ? rpApi.sync(a.id) : Promise.resolve(null)), [a.id, atStep, a.version]);
  const [made, setMade] = useState<Reconciliation | null>(null);
  const [busy, setBusy] = useState(false);
  if (!atStep || !res.data) return null;
  const sync = res.data;
  const bodies = [a.bodyId, ...(a.receivingBodyId && a.receivingBodyId !== a.bodyId ? [a.receivingBodyId] : [])];

  async function reconcile(file: File) {
    setBusy(true);
    try {
      const r = await rpApi.reconcileBody(a.bodyId, file);
      setMade(r);
      toast.success(`对账完成：差异${r.diffCount}处`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  async function attach(id: number) {
    try {
      await rpApi.attach(a.id, id);
      toast.success('对账结果已附于本申请');
      setMade(null);
      void res.reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <Card title="自治区事项管理平台对账（第十三条第一项）" size="small" data-testid="platform-sync">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          本调整涉及的事项：{sync.codes.length ? sync.codes.map((c) => <Tag key={c}>{c}</Tag>) : '—'}
        </Typography.Text>
        {sync.reconciliations.length ? (
          <List
            size="small"
            header="已附对账"
            dataSource={sync.reconciliations}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/regional-platform/${r.id}`}>
                  <LinkOutlined /> {r.id}号对账
                </Link>
                ：{r.fileName}，差异{r.diffCount}处，{fmtTime(r.attachedAt)} 附上
              </List.Item>
            )}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            message="确认平台已同步前，请导入自治区事项管理平台导出的本部门事项进行对账，并附上显示本调整已在该平台一致的对账结果。"
          />
        )}
        {mine && (
          <Space wrap>
            {bodies.map((id) => (
              <Space key={id}>
                <Button size="small" icon={<DownloadOutlined />} href={bodyExportUrl(id, 'xlsx')}>
                  {id === a.bodyId ? '本部门' : '承接部门'}交换文件（Excel）
                </Button>
                <Button size="small" icon={<DownloadOutlined />} href={bodyExportUrl(id, 'json')}>
                  JSON
                </Button>
              </Space>
            ))}
            <Upload
              accept=".json,.xlsx"
              showUploadList={false}
              beforeUpload={(f) => {
                void reconcile(f);
                return false;
              }}
            >
              <Button size="small" type="primary" icon={<CloudUploadOutlined />} loading={busy}>
                导入自治区平台导出文件并对账
              </Button>
            </Upload>
          </Space>
        )}
        {made && (
          <Alert
            type={made.diffCount ? 'warning' : 'success'}
            showIcon
            message={`${made.id}号对账：本平台${made.ourCount}项，自治区平台${made.theirCount}项，差异${made.diffCount}处`}
            action={
              <Space>
                <Link to={`/regional-platform/${made.id}`}>查看报告</Link>
                <Button size="small" onClick={() => void attach(made.id)}>
                  附于本申请
                </Button>
              </Space>
            }
          />
        )}
      </Space>
    </Card>
  );
}
