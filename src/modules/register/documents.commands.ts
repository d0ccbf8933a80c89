// §7: the legal-document register is kept by the coordination and legal offices; recording a
// document is one transaction with its audit row.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canManageLegalDocuments, legalDocumentGrant } from '../../core/policies/index.js';
import { DEFAULT_RULEBOOK_ID, getRulebook } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { insertDocument, type NewDocument } from './documents.repo.js';

export async function createDocument(
  { db, clock }: { db: Database; clock: () => Date },
  actor: Actor,
  meta: RequestMeta,
  b: NewDocument,
) {
  if (!canManageLegalDocuments(actor)) throw forbidden('只有协调小组办公室或法制机构可以录入法律文件');
  if (b.level !== '临时性行政许可' && b.expiryDate && b.effectiveDate && b.expiryDate <= b.effectiveDate)
    throw new AppError('VALIDATION_FAILED', '失效日期应晚于生效日期', [
      { field: 'expiryDate', message: '失效日期应晚于生效日期' },
    ]);
  const grant = legalDocumentGrant(actor)!;
  return db.transaction().execute(async (trx) => {
    // §7: the validity of a 临时性行政许可 comes from the rulebook in force
    const doc = await insertDocument(trx, b, getRulebook(DEFAULT_RULEBOOK_ID));
    await recordAudit(trx, {
      actor,
      role: grant.role,
      bodyId: grant.bodyId,
      action: 'legalDocument.created',
      objectType: 'legal_document',
      objectId: doc.id,
      after: doc,
      meta,
      at: clock(),
    });
    return doc;
  });
}
