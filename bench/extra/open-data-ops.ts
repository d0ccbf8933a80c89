// The open-data phase's anchor in the server child (issue 14.3): COPY of the very rows the city's
// bulk download streams — every body's current version, the list columns — as text, nothing more.
import { copyOut } from '../../src/db/copy-out.js';
import type { ServerOps } from './types.js';

const CURRENT_ROWS = `select p.body_id, p.code, p.parent_code, p.name, p.category, p.responsible_subject, p.implementing_agency,
    p.legal_bases, p.responsibilities, p.accountability_cases, p.accountability_basis, p.remarks, p.status,
    p.predecessor_codes, p.links
  from body b
  join lateral (select version from power_list_version where body_id = b.id order by version desc limit 1) v on true
  join power p on p.body_id = b.id and p.valid_from <= v.version and (p.valid_to is null or p.valid_to > v.version)`;

export const OPEN_DATA_OPS: ServerOps = {
  async anchor({ handle }) {
    const t0 = performance.now();
    const bytes = await copyOut(handle.db, CURRENT_ROWS);
    return { ms: performance.now() - t0, bytes: bytes.length };
  },
};
