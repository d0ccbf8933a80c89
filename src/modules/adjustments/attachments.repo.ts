// Reading an application's attachments (§13.1 附相关依据): one stored file with its bytes.
import type { Db } from '../../platform/db.js';

export const findAttachmentFile = (db: Db, adjustmentId: number, fileId: number) =>
  db
    .selectFrom('adjustment_attachment')
    .selectAll()
    .where('id', '=', fileId)
    .where('adjustment_id', '=', adjustmentId)
    .executeTakeFirst();
