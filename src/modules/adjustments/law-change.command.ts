// The law-change trigger (§10.1, §11.1): the coordination office records that a law,
// regulation or rule was issued, revised or repealed, with the date; every published power
// citing it is found (legal_bases contains its documentId; GIN index), and each affected body
// gets a due adjustment with its filing deadline (§12: 15 working days). The daily sweep later
// records 漏报 for one still unfiled past that deadline.
import { sql } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canRecordLawChange, coordinatorGrants } from '../../core/policies/index.js';
import type { AdjustmentKind, TriggerKind } from '../../core/rulebook/index.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { loadCurrentList } from '../register/publish.js';
import { filingDue } from './filing-due.js';
import { notify, peopleFor, type Notice } from './inbox.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import type { CommandDeps } from './workflow.command.js';

export type ChangeKind = 'issued' | 'revised' | 'repealed';

const PLAN: Record<ChangeKind, { trigger: TriggerKind; kind: AdjustmentKind; word: string }> = {
  // A repealed basis most often means the power goes (§11.1); the body may change the kind.
  repealed: { trigger: 'lawRepealed', kind: 'cancel', word: '废止' },
  revised: { trigger: 'lawRevised', kind: 'modify', word: '修订' },
  // §10.1: a newly issued law is a reason to add powers (增加); only §10 names it.
  issued: { trigger: 'lawIssued', kind: 'add', word: '颁布' },
};

export interface LawChangeInput {
  legalDocumentId: number;
  changeKind: ChangeKind;
  changeDate: IsoDate;
  note?: string;
  regionCode?: string;
  /** §10.1: for a newly issued law, the bodies that are to consider adding powers (none cites it yet). */
  bodyIds?: number[];
}

export async function recordLawChange(deps: CommandDeps, actor: Actor, meta: RequestMeta, input: LawChangeInput) {
  if (!canRecordLawChange(actor, input.regionCode)) throw forbidden('只有协调小组办公室可以登记法律文件的立改废');
  const grants = coordinatorGrants(actor, input.regionCode);
  if (grants.length > 1)
    throw new AppError('VALIDATION_FAILED', '请指明登记的行政区域', [
      { field: 'regionCode', message: '请指明行政区域' },
    ]);
  const office = grants[0];
  // §12: the 15 working days run from a change that has happened, never from one announced ahead.
  const today = todayInBeijing(deps.clock());
  if (input.changeDate > today)
    throw new AppError(
      'VALIDATION_FAILED',
      `生效（废止）日期（${input.changeDate}）不能晚于今天（${today}）：请在法律文件颁布、修订或废止生效后登记`,
      [{ field: 'changeDate', message: '日期不能晚于今天' }],
    );
  if (input.bodyIds?.length && input.changeKind !== 'issued')
    throw new AppError('VALIDATION_FAILED', '只有新颁布的法律文件需要指定研究增加行政职权的机构', [
      { field: 'bodyIds', message: '仅适用于颁布' },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom('legal_document')
      .select(['id', 'key', 'name', 'status'])
      .where('id', '=', input.legalDocumentId)
      .executeTakeFirst();
    if (!doc)
      throw new AppError('VALIDATION_FAILED', '法律文件不存在', [
        { field: 'legalDocumentId', message: '法律文件不存在' },
      ]);
    const at = deps.clock();
    const change = await trx
      .insertInto('law_change')
      .values({
        legal_document_id: doc.id,
        change_kind: input.changeKind,
        change_date: input.changeDate,
        region_code: office.regionCode,
        note: input.note ?? '',
        recorded_by: actor.userId,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.changeKind === 'repealed')
      await trx.updateTable('legal_document').set({ status: 'repealed' }).where('id', '=', doc.id).execute();

    // Citations carry the document's id (as a number or a string) or, in seeded data, its key.
    const ids = [doc.id, String(doc.id), doc.key];
    const affected = await trx
      .selectFrom('power as p')
      .innerJoin('body as b', 'b.id', 'p.body_id')
      .innerJoin('region as r', 'r.code', 'b.region_code')
      .select(['p.body_id', 'p.code', 'p.name', 'b.name as body_name'])
      .where('p.valid_to', 'is', null)
      .where('p.status', 'in', ['active', 'entrusted'])
      .where((eb) =>
        eb.or(ids.map((id) => sql<boolean>`p.legal_bases @> ${JSON.stringify([{ documentId: id }])}::jsonb`)),
      )
      .where((eb) => eb.or([eb('r.path', '=', office.regionPath), eb('r.path', 'like', `${office.regionPath}/%`)]))
      .orderBy('p.body_id')
      .orderBy('p.code')
      .execute();

    const byBody = new Map<number, { name: string; powers: { code: string; name: string }[] }>();
    for (const p of affected) {
      const e = byBody.get(p.body_id) ?? { name: p.body_name, powers: [] };
      e.powers.push({ code: p.code, name: p.name });
      byBody.set(p.body_id, e);
    }

    // §10.1: bodies named for a newly issued law, within the office's region, without a citing power yet.
    for (const bodyId of input.bodyIds ?? []) {
      if (byBody.has(bodyId)) continue;
      const b = await trx
        .selectFrom('body as b')
        .innerJoin('region as r', 'r.code', 'b.region_code')
        .select(['b.name', 'b.office', 'r.path'])
        .where('b.id', '=', bodyId)
        .executeTakeFirst();
      if (!b || b.office || !(b.path === office.regionPath || b.path.startsWith(`${office.regionPath}/`))) {
        throw new AppError('VALIDATION_FAILED', `机构（编号 ${bodyId}）不是本级或下级的职权行使机构`, [
          { field: 'bodyIds', message: '机构无效' },
        ]);
      }
      byBody.set(bodyId, { name: b.name, powers: [] });
    }

    const plan = PLAN[input.changeKind];
    const rulebookId = await currentRulebookId(trx);
    const due = filingDue(rulebookId, plan.kind, input.changeDate, await loadCalendar(trx));
    const opened: { adjustmentId: number; bodyId: number; bodyName: string; powers: number }[] = [];
    const notices: Notice[] = [];
    for (const [bodyId, e] of byBody) {
      const list = await loadCurrentList(trx, bodyId);
      const row = await trx
        .insertInto('adjustment')
        .values({
          body_id: bodyId,
          kind: plan.kind,
          status: 'due',
          rulebook_id: rulebookId,
          completed_steps: '[]',
          open_steps: '[]',
          title: `因${doc.name}${plan.word}调整权责清单`,
          trigger_kind: plan.trigger,
          trigger_date: input.changeDate,
          filing_due: due.date,
          filing_due_provisional: due.provisional,
          reason: e.powers.length
            ? `${doc.name}于${input.changeDate}${plan.word}，本单位以下行政职权以其为法定依据：${e.powers.map((p) => `${p.name}（${p.code}）`).join('；')}`
            : `${doc.name}于${input.changeDate}${plan.word}，请研究是否需增加行政职权（第十条第1项）`,
          legal_basis: doc.name,
          base_version: list.version,
          law_change_id: change.id,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (plan.kind === 'cancel') {
        const current = new Map(list.powers.map((p) => [p.code, p]));
        await trx
          .insertInto('adjustment_item')
          .values(
            e.powers.map((p, ord) => {
              const { id: _id, ...base } = current.get(p.code)!;
              return { adjustment_id: row.id, ord, target_code: p.code, base: JSON.stringify(base), proposed: null };
            }),
          )
          .execute();
      }
      await trx
        .insertInto('adjustment_step_record')
        .values({
          adjustment_id: row.id,
          round: 1,
          step: null,
          action: 'opened',
          data: JSON.stringify({ lawChangeId: change.id }),
          actor_id: actor.userId,
          actor_role: 'coordinator',
          at,
        })
        .execute();
      await recordAudit(trx, {
        actor,
        role: 'coordinator',
        bodyId,
        action: 'adjustment.opened',
        objectType: 'adjustment',
        objectId: row.id,
        after: { lawChangeId: change.id, filingDue: due.date, powers: e.powers.map((p) => p.code) },
        meta,
        at,
      });
      const region = await trx
        .selectFrom('body as b')
        .innerJoin('region as r', 'r.code', 'b.region_code')
        .select('r.path')
        .where('b.id', '=', bodyId)
        .executeTakeFirstOrThrow();
      for (const p of await peopleFor(trx, ['clerk', 'leadUnit'], { bodyId, regionPath: region.path })) {
        notices.push({
          userId: p.userId,
          kind: 'task',
          adjustmentId: row.id,
          step: 'submit',
          title: `应调整事项：因${doc.name}${plan.word}调整权责清单`,
          body: `请于 ${due.date}${due.provisional ? '（暂定）' : ''} 前报送调整申请（${due.citation}）`,
          dueOn: due.date,
          dedupeKey: `due:${row.id}`,
        });
      }
      opened.push({ adjustmentId: row.id, bodyId, bodyName: e.name, powers: e.powers.length });
    }
    await notify(trx, notices, at);
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: office.bodyId,
      action: 'lawChange.recorded',
      objectType: 'law_change',
      objectId: change.id,
      after: {
        ...input,
        document: doc.name,
        regionCode: office.regionCode,
        affectedPowers: affected.length,
        opened: opened.map((o) => o.adjustmentId),
      },
      meta,
      at,
    });
    return {
      id: change.id,
      document: doc.name,
      filingDue: due.date,
      filingDueProvisional: due.provisional,
      affectedPowers: affected.length,
      opened,
    };
  });
}
