// 清单草稿 (编制公布, spec §2): the body's clerk drafts (editor, import), its lead unit submits,
// the coordination office (初步审核) and the legal office (合法性审查) pass or return with
// reasons, the coordination office decides §8 flags and publishes version 1. Each button shows
// only to who may press it, in the states where it applies.
import {
  ArrowLeftOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ReloadOutlined,
  SafetyOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageSpin } from '../../../lib/PageSpin.tsx';
import { showError, toast } from '../../../lib/feedback.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/useLoad.ts';
import PowerEditorDrawer from '../editor/PowerEditorDrawer.tsx';
import ImportWizard from '../import/ImportWizard.tsx';
import { DRAFT_STATUS } from '../labels.ts';
import { draftExportUrl, listApi, type Draft, type DraftPower } from '../listApi.ts';
import PowerDetailDrawer from '../PowerDetailDrawer.tsx';
import PowerTable from '../PowerTable.tsx';
import { OverrideModal, PublishModal, ReviewModal } from './Dialogs.tsx';
import DutiesPanel from './DutiesPanel.tsx';
import ReviewHistory from './ReviewHistory.tsx';
import '../lists.css';

function stepIndex(d: Draft): number {
  if (d.status === 'published') return 4;
  if (d.status === 'reviewed') return 3;
  if (d.status === 'submitted') return 2;
  return d.powers.length ? 1 : 0;
}

/** The returns since the last submission: what the clerk must fix now. */
const openReturns = (d: Draft) => {
  const lastSubmit = d.reviews.map((r) => r.step).lastIndexOf('submit');
  return d.status === 'returned' ? d.reviews.slice(lastSubmit + 1).filter((r) => r.decision === 'return') : [];
};

export default function DraftPage() {
  const { id } = useParams();
  const draftId = Number(id);
  const navigate = useNavigate();
  const draft = useLoad(() => listApi.draft(draftId), [draftId]);
  const d = draft.data;
  const rulebook = useLoad(() => (d ? listApi.rulebook(d.rulebookId) : Promise.resolve(undefined)), [d?.rulebookId]);
  const [editing, setEditing] = useState<{ power?: DraftPower } | null>(null);
  const [viewing, setViewing] = useState<DraftPower | null>(null);
  const [importing, setImporting] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [overriding, setOverriding] = useState<DraftPower | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!d)
    return draft.loading ? (
      <PageSpin />
    ) : (
      <Result
        status="404"
        title="清单草稿不存在或您无权查看"
        extra={<Button onClick={() => navigate('/lists')}>返回权责清单</Button>}
      />
    );
  // what this reader may do: the server decides (policies, the draft's state, who wrote it)
  const can = d.can;
  const categories = rulebook.data?.categories ?? [];
  const st = DRAFT_STATUS[d.status];
  const returns = openReturns(d);
  const reload = () => void draft.reload();

  async function submit() {
    setBusy(true);
    try {
      await listApi.submit(d!.id);
      toast.success('已报送，等待初步审核和合法性审查');
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }
  async function remove(p: DraftPower) {
    try {
      await listApi.deletePower(d!.id, p.id);
      toast.success(`已删除“${p.name}”，其编码 ${p.code} 不再使用`);
      reload();
    } catch (e) {
      showError(e);
    }
  }

  const actions = (
    <Space wrap>
      {can.edit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          新增职权
        </Button>
      )}
      {can.edit && (
        <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
          导入
        </Button>
      )}
      {can.exportDraft && d.powers.length > 0 && (
        <Button icon={<FileExcelOutlined />} href={draftExportUrl(d.bodyId)} download>
          导出Excel
        </Button>
      )}
      {can.submit && (
        <Popconfirm
          title="报送清单草稿？"
          description={`共 ${d.powers.length} 项行政职权，报送后进行初步审核和合法性审查（由本级协调小组办公室或法制机构办理），审查期间不能修改。`}
          okText="报送"
          cancelText="取消"
          onConfirm={submit}
          disabled={d.powers.length === 0}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={d.powers.length === 0}>
            报送审查
          </Button>
        </Popconfirm>
      )}
      {can.review && (
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setReviewing(true)}>
          {can.canPass ? (can.review === 'preliminary' ? '初步审核' : '合法性审查') : '退回修改'}
        </Button>
      )}
      {can.publish && (
        <Button type="primary" icon={<SafetyOutlined />} onClick={() => setPublishing(true)}>
          公布清单
        </Button>
      )}
      <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
    </Space>
  );

  const rowActions = (p: DraftPower) => (
    <Space size={0} wrap>
      {can.edit && (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ power: p })}>
          编辑
        </Button>
      )}
      {can.edit && (
        <Popconfirm
          title={`删除“${p.name}”？`}
          description="删除后该权力编码不再使用"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => remove(p)}
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
            删除
          </Button>
        </Popconfirm>
      )}
      {can.override && p.exclusionFlags.length > 0 && !p.exclusionOverride && (
        <Button type="link" size="small" onClick={() => setOverriding(p)}>
          复核保留
        </Button>
      )}
      {!can.edit && !(can.override && p.exclusionFlags.length > 0 && !p.exclusionOverride) && (
        <Button type="link" size="small" onClick={() => setViewing(p)}>
          查看
        </Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/lists')} aria-label="返回" />
            <span>{d.bodyName} · 权责清单草稿</span>
            <Tag color={st.color} data-testid="draft-status">
              {st.label}
            </Tag>
          </Space>
        }
        extra={actions}
      >
        <Steps
          current={stepIndex(d)}
          status={d.status === 'returned' ? 'error' : d.status === 'published' ? 'finish' : 'process'}
          size="small"
          style={{ marginBottom: 20 }}
          items={[
            { title: '部门编制', content: '经办人编制职权目录和职权信息表' },
            { title: '牵头机构报送', content: d.submittedAt ? fmtTime(d.submittedAt) : '审核汇总后报送' },
            {
              title: '审查',
              content: (
                <>
                  初步审核：{d.preliminaryPassedAt ? <Typography.Text type="success">已通过</Typography.Text> : '待审'}
                  <br />
                  合法性审查：{d.legalityPassedAt ? <Typography.Text type="success">已通过</Typography.Text> : '待审'}
                </>
              ),
            },
            { title: '公布', content: d.publishedVersion ? `已公布第${d.publishedVersion}版` : '协调小组办公室公布' },
          ]}
        />
        {returns.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="return-reasons"
            title="清单草稿已被退回，请按意见修改后重新报送"
            description={returns.map((r, i) => (
              <div key={i}>
                {r.step === 'preliminaryReview' ? '初步审核' : '合法性审查'}退回（{r.actorName}，{fmtTime(r.at)}）：
                {r.reason}
              </div>
            ))}
          />
        )}
        {d.unresolvedFlags > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${d.unresolvedFlags} 项疑似第八条规定不列入权责清单的事项待处理`}
            description={
              can.override
                ? '请逐项核实：不应列入的退回部门删除；确需保留的点击“复核保留”并记录说明。未处理完不能公布。'
                : '请核实后删除或修改；确需保留的，由协调小组办公室复核并记录说明。'
            }
          />
        )}
        {d.status === 'published' && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已公布为第${d.publishedVersion}版`}
            action={
              <Button size="small" onClick={() => navigate(`/lists/bodies/${d.bodyId}`)}>
                查看已公布清单
              </Button>
            }
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'body', label: '职权行使机构', children: d.bodyName },
            { key: 'rb', label: '适用规则', children: rulebook.data?.label ?? d.rulebookId },
            {
              key: 'n',
              label: '行政职权',
              children: `${d.powers.length} 项（主项 ${d.powers.filter((p) => !p.parentCode).length} 项）`,
            },
            { key: 'c', label: '创建时间', children: fmtTime(d.createdAt) },
            { key: 'u', label: '最近修改', children: fmtTime(d.updatedAt) },
            { key: 's', label: '报送时间', children: fmtTime(d.submittedAt) },
          ]}
        />
      </Card>

      <Card>
        <Tabs
          items={[
            {
              key: 'powers',
              label: `职权目录（${d.powers.length}）`,
              children: (
                <PowerTable
                  powers={d.powers}
                  categories={categories}
                  loading={draft.loading}
                  flags
                  onOpen={setViewing}
                  actions={rowActions}
                  actionsWidth={170}
                />
              ),
            },
            {
              key: 'duties',
              label: `职责（${d.duties.length}）`,
              children: (
                <DutiesPanel
                  draftId={d.id}
                  duties={d.duties}
                  version={d.dutiesVersion}
                  editable={can.edit}
                  onSaved={reload}
                />
              ),
            },
            {
              key: 'reviews',
              label: `审查记录（${d.reviews.length}）`,
              children: <ReviewHistory reviews={d.reviews} createdAt={d.createdAt} />,
            },
          ]}
        />
      </Card>

      <PowerEditorDrawer
        open={!!editing}
        draft={d}
        power={editing?.power}
        categories={categories}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
        onRefreshed={reload}
      />
      <PowerDetailDrawer
        power={viewing}
        categories={categories}
        onClose={() => setViewing(null)}
        extra={
          viewing && can.edit ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setEditing({ power: viewing });
                setViewing(null);
              }}
            >
              编辑
            </Button>
          ) : viewing && can.override && viewing.exclusionFlags.length > 0 && !viewing.exclusionOverride ? (
            <Button
              onClick={() => {
                setOverriding(viewing);
                setViewing(null);
              }}
            >
              复核保留
            </Button>
          ) : undefined
        }
      />
      <ImportWizard
        open={importing}
        bodyId={d.bodyId}
        bodyName={d.bodyName}
        existing={d.powers.length}
        hasDraft
        rulebookId={d.rulebookId}
        onClose={() => setImporting(false)}
        onImported={reload}
      />
      {can.review && (
        <ReviewModal
          open={reviewing}
          draft={d}
          step={can.review}
          canPass={can.canPass}
          onClose={() => setReviewing(false)}
          onDone={() => {
            setReviewing(false);
            reload();
          }}
        />
      )}
      <OverrideModal
        draft={d}
        power={overriding}
        onClose={() => setOverriding(null)}
        onDone={() => {
          setOverriding(null);
          reload();
        }}
      />
      <PublishModal
        open={publishing}
        draft={d}
        onClose={() => setPublishing(false)}
        onDone={() => {
          setPublishing(false);
          reload();
        }}
      />
    </Space>
  );
}
