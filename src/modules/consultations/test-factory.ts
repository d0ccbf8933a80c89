// Test factories: an application in consultation, written straight into the 0004 tables (the
// state the adjustments module leaves after its 'openConsultation' action), and its comments.
import type { Power } from '../../core/register/index.js';
import type { Database } from '../../db/connect.js';

export const samplePower = (over: Partial<Power> = {}): Power => ({
  parentId: null,
  code: '150200-001-XK-00001-000',
  name: '食品经营许可',
  category: 'XK',
  responsibleSubject: '包头市市场监督管理局',
  implementingAgency: '食品经营监管科',
  legalBases: [{ documentName: '《中华人民共和国食品安全法》', level: '法律', article: '第三十五条', text: '' }],
  responsibilities: [{ order: 1, name: '受理责任', content: '依法受理食品经营许可申请' }],
  accountabilityCases: ['对符合法定条件的申请不予受理的'],
  accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
  remarks: '',
  status: 'active',
  ...over,
});

export interface ApplicationSpec {
  bodyName: string;
  kind?: 'add' | 'cancel' | 'delegate' | 'modify' | 'merge' | 'split' | 'entrust';
  status?: 'due' | 'open' | 'withdrawn' | 'rejected' | 'done';
  title?: string;
  firstSubmittedAt?: Date | null;
  late?: boolean;
  missingAt?: Date | null;
  items?: { targetCode: string | null; base: Power | null; proposed: Power | null }[];
  at?: Date;
}

export async function makeApplication(db: Database, s: ApplicationSpec): Promise<{ id: number; bodyId: number }> {
  const body = await db.selectFrom('body').select('id').where('name', '=', s.bodyName).executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'coord.city')
    .executeTakeFirstOrThrow();
  const at = s.at ?? new Date('2026-11-20T10:00:00+08:00');
  const a = await db
    .insertInto('adjustment')
    .values({
      body_id: body.id,
      kind: s.kind ?? 'modify',
      status: s.status ?? 'open',
      rulebook_id: 'baotou-2023',
      completed_steps: JSON.stringify(['draft', 'submit', 'preliminaryReview', 'legalityReview']),
      open_steps: JSON.stringify(['consultation']),
      title: s.title ?? '调整“食品经营许可”的实施机构',
      trigger_kind: 'dutyAdjustment',
      trigger_date: '2026-11-02',
      filing_due: '2026-11-23',
      reason: '机构改革后由行政审批服务科统一办理',
      legal_basis: '《包头市市场监督管理局职能配置、内设机构和人员编制规定》',
      late: s.late ?? false,
      missing_at: s.missingAt ?? null,
      first_submitted_at: s.firstSubmittedAt === undefined ? at : s.firstSubmittedAt,
      submitted_at: s.firstSubmittedAt === undefined ? at : s.firstSubmittedAt,
      created_by: user.id,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const base = samplePower();
  const items = s.items ?? [
    { targetCode: base.code, base, proposed: { ...base, implementingAgency: '行政审批服务科' } },
  ];
  if (items.length)
    await db
      .insertInto('adjustment_item')
      .values(
        items.map((it, i) => ({
          adjustment_id: a.id,
          ord: i + 1,
          target_code: it.targetCode,
          base: it.base && JSON.stringify(it.base),
          proposed: it.proposed && JSON.stringify(it.proposed),
        })),
      )
      .execute();
  return { id: a.id, bodyId: body.id };
}

export async function makeConsultation(
  db: Database,
  adjustmentId: number,
  opensOn: string,
  closesOn: string,
  status: 'open' | 'closed' | 'cancelled' = 'open',
): Promise<number> {
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'coord.city')
    .executeTakeFirstOrThrow();
  const c = await db
    .insertInto('consultation')
    .values({
      adjustment_id: adjustmentId,
      round: 1,
      opens_on: opensOn,
      closes_on: closesOn,
      status,
      opened_at: new Date(`${opensOn}T09:00:00+08:00`),
      opened_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return c.id;
}

export async function makeComment(
  db: Database,
  consultationId: number,
  seq: number,
  o: { hidden?: boolean; disposition?: 'adopted' | 'partlyAdopted' | 'notAdopted' | null; at?: Date } = {},
) {
  const at = o.at ?? new Date('2026-06-02T10:00:00+08:00');
  await db
    .insertInto('consultation_comment')
    .values({
      consultation_id: consultationId,
      seq,
      content: `第${seq}条意见`,
      client_key: 'test',
      created_at: at,
      hidden_at: o.hidden ? at : null,
      hidden_reason: o.hidden ? '广告' : null,
      disposition: o.disposition ?? null,
      disposition_reason: o.disposition ? '理由' : null,
      disposed_at: o.disposition ? at : null,
    })
    .execute();
}
