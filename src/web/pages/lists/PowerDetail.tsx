// A power read-only: every 职权信息表 field (§6) with its citations (§7), and for a draft power
// the §8 screening flags with the clause, the coordination office's decision, and the
// 临时性行政许可 lapse warning.
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { fmtTime } from '../../lib/format.ts';
import { CitationText } from './editor/LegalBasisField.tsx';
import { CLAUSE_LABEL, POWER_STATUS, mainCodeOf } from './labels.ts';
import type { Category, DraftPower, PowerFields } from './listApi.ts';

const isDraftPower = (p: PowerFields): p is DraftPower => 'exclusionFlags' in p;

/** §8 flags (with the clause and the words that matched), the override, the §7 lapse. */
export function PowerAlerts({ power }: { power: PowerFields }) {
  if (!isDraftPower(power)) return null;
  const { exclusionFlags: flags, exclusionOverride: ov, lapse } = power;
  if (flags.length === 0 && !lapse) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} size={8}>
      {flags.length > 0 && (
        <Alert
          type={ov ? 'info' : 'warning'}
          showIcon
          data-testid="exclusion-flags"
          title={ov ? '疑似第八条不列入清单的事项 · 协调小组办公室已复核保留' : '疑似第八条规定不列入权责清单的事项'}
          description={
            <>
              {flags.map((f, i) => (
                <div key={i}>
                  <Tag color="orange">{CLAUSE_LABEL[f.clause] ?? f.clause}</Tag>
                  {f.reason}
                  <Typography.Text type="secondary">
                    （命中“{f.matched}”，类似“{f.keyword}”）
                  </Typography.Text>
                </div>
              ))}
              {ov && (
                <div style={{ marginTop: 6 }}>
                  复核说明：{ov.note}
                  <Typography.Text type="secondary">
                    （{ov.byName}，{fmtTime(ov.at)}）
                  </Typography.Text>
                </div>
              )}
              {!ov && (
                <div style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary">
                    请部门核实后删除或修改；确需保留的，由协调小组办公室复核并记录说明后方可公布。
                  </Typography.Text>
                </div>
              )}
            </>
          }
        />
      )}
      {lapse && (
        <Alert
          type={lapse.state === 'lapsed' ? 'error' : 'warning'}
          showIcon
          title={
            lapse.state === 'lapsed'
              ? `所依据的临时性行政许可${lapse.documentName}已于${lapse.expiryDate}到期`
              : `所依据的临时性行政许可${lapse.documentName}将于${lapse.expiryDate}到期（剩余${lapse.daysRemaining}天）`
          }
          description="临时性行政许可有效期一年（第七条）；到期前应提请制定法规规章或取消该事项。"
        />
      )}
    </Space>
  );
}

export default function PowerDetail({ power, categories }: { power: PowerFields; categories: readonly Category[] }) {
  const cat = categories.find((c) => c.code === power.category)?.label ?? power.category;
  const st = POWER_STATUS[power.status] ?? { label: power.status, color: 'default' };
  const parent = power.parentCode ?? mainCodeOf(power.code);
  return (
    <>
      <PowerAlerts power={power} />
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'name',
            label: '行政职权名称',
            span: 2,
            children: <Typography.Text strong>{power.name}</Typography.Text>,
          },
          {
            key: 'code',
            label: '权力编码',
            children: (
              <Typography.Text className="power-code" copyable>
                {power.code}
              </Typography.Text>
            ),
          },
          {
            key: 'kind',
            label: '主项/子项',
            children: parent ? (
              <>
                子项 · 所属主项 <span className="power-code">{parent}</span>
              </>
            ) : (
              '主项'
            ),
          },
          { key: 'cat', label: '权力类别', children: <Tag color="blue">{cat}</Tag> },
          { key: 'status', label: '状态', children: <Tag color={st.color}>{st.label}</Tag> },
          { key: 'subject', label: '责任主体', children: power.responsibleSubject },
          { key: 'agency', label: '实施机构', children: power.implementingAgency },
          {
            key: 'bases',
            label: '法定依据',
            span: 2,
            children: power.legalBases.length ? (
              power.legalBases.map((c, i) => (
                <div key={i} style={{ marginBottom: 8 }}>
                  <CitationText c={c} index={i} />
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
          },
          {
            key: 'resp',
            label: '责任事项',
            span: 2,
            children: power.responsibilities.length ? (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {[...power.responsibilities]
                  .sort((a, b) => a.order - b.order)
                  .map((r) => (
                    <li key={r.order}>
                      <Typography.Text strong>{r.name}</Typography.Text>：{r.content}
                    </li>
                  ))}
              </ol>
            ) : (
              '—'
            ),
          },
          {
            key: 'cases',
            label: '追责情形',
            span: 2,
            children: power.accountabilityCases.length ? (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {power.accountabilityCases.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ol>
            ) : (
              '—'
            ),
          },
          {
            key: 'basis',
            label: '追责依据',
            span: 2,
            children: <div className="pre-wrap">{power.accountabilityBasis || '—'}</div>,
          },
          { key: 'remarks', label: '备注', span: 2, children: <div className="pre-wrap">{power.remarks || '—'}</div> },
          ...(power.predecessorCodes?.length
            ? [{ key: 'pred', label: '合并前编码', span: 2, children: power.predecessorCodes.join('、') }]
            : []),
        ]}
      />
    </>
  );
}
