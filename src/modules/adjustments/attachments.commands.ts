// Attachments of an application (§13.1 附相关依据): added and removed while the draft step is
// open, by whoever may edit the application (the transition table's `edit`), each in one
// transaction with its audit row. The file is checked (type by magic number, size) before.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { adjustmentRolesOf, canViewAdjustment } from '../../core/policies/index.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentConsultation, involvementOf, lockAdjustment, stepRecords, workflowState } from './adjustments.repo.js';
import { checkAttachment, MAX_ATTACHMENTS } from './attachments.js';
import { decide, grantRole, workflowRoles } from './transitions.js';
import type { CommandDeps } from './workflow.command.js';

/** The application locked for an edit of its attachments, and the role the actor edits it in. */
async function editable(trx: Transaction<DB>, actor: Actor, id: number) {
  const a = await lockAdjustment(trx, id);
  if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
  const c = await currentConsultation(trx, a.id, a.round);
  const d = decide(workflowState(a, c), {
    action: 'edit',
    roles: workflowRoles(adjustmentRolesOf(actor, a)),
    ...involvementOf(a, await stepRecords(trx, a.id), actor.userId),
  });
  if (!d.ok) throw new AppError(d.code, d.message);
  return { a, role: grantRole(d.role) };
}

export async function addAttachment(
  { db, clock }: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  file: { name: string; bytes: Buffer },
) {
  const checked = checkAttachment(file.name, file.bytes);
  if (!checked.ok) throw new AppError(checked.code, checked.message, [{ field: 'file', message: checked.message }]);
  const at = clock();
  const sm3 = createHash('sm3').update(file.bytes).digest('hex');
  return db.transaction().execute(async (trx) => {
    const { a, role } = await editable(trx, actor, id);
    const n = await trx
      .selectFrom('adjustment_attachment')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('adjustment_id', '=', a.id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_ATTACHMENTS) throw new AppError('VALIDATION_FAILED', `每份申请最多${MAX_ATTACHMENTS}个附件`);
    const f = await trx
      .insertInto('adjustment_attachment')
      .values({
        adjustment_id: a.id,
        filename: checked.filename,
        media_type: checked.mediaType,
        size_bytes: file.bytes.length,
        sm3,
        content: file.bytes,
        uploaded_by: actor.userId,
        uploaded_at: at,
      })
      .returning(['id', 'filename', 'media_type', 'size_bytes', 'sm3'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.attachmentAdded',
      objectType: 'adjustment',
      objectId: a.id,
      after: { attachmentId: f.id, filename: f.filename, mediaType: f.media_type, size: f.size_bytes, sm3 },
      meta,
      at,
    });
    return f;
  });
}

export async function removeAttachment(
  { db, clock }: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  fileId: number,
) {
  const at = clock();
  await db.transaction().execute(async (trx) => {
    const { a, role } = await editable(trx, actor, id);
    const f = await trx
      .deleteFrom('adjustment_attachment')
      .where('id', '=', fileId)
      .where('adjustment_id', '=', a.id)
      .returning(['id', 'filename', 'sm3'])
      .executeTakeFirst();
    if (!f) throw notFound('附件');
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.attachmentRemoved',
      objectType: 'adjustment',
      objectId: a.id,
      before: { attachmentId: f.id, filename: f.filename, sm3: f.sm3 },
      meta,
      at,
    });
  });
}
