// The reconciliation's one join: our current published powers of the scope (with the canonical
// text of each compared field, built as format.ts builds the other side's) FULL JOIN the staged
// rows on 实施编码, each joined pair unfolded into its compared fields (a LATERAL VALUES list), and
// every power missing on one side, every field that differs and every status that disagrees
// written as one difference row. A 统一社会信用代码 is compared only where both sides hold one
// (ours is not recorded for every body yet: docs/REGIONAL-PLATFORM.md).
import { sql, type RawBuilder } from 'kysely';
import { EXERCISE_LEVEL_LABELS, ITEM_TYPE_LABELS, STATUS_LABELS } from './format.js';

/** The staging table's columns, in the order of format.ts StagedRow. */
export const STAGE_COLUMNS = [
  'row_no',
  'code',
  'basic_code',
  'name',
  'parent_code',
  'item_type',
  'exercise_level',
  'region_code',
  'agency_name',
  'agency_credit_code',
  'legal_bases',
  'legal_time_limit',
  'promised_time_limit',
  'status',
] as const;

const LABELS = JSON.stringify({ itemType: ITEM_TYPE_LABELS, level: EXERCISE_LEVEL_LABELS, status: STATUS_LABELS });

/** Our side as the other side's canonical text (the same rules as format.ts). */
export const oursSelect = (bodies: RawBuilder<unknown>) => sql`
  select p.body_id, p.code, p.name,
    coalesce(p.parent_code, '') as parent_code,
    coalesce(l.j -> 'itemType' ->> p.category, p.category) as item_type,
    coalesce(l.j -> 'level' ->> r.level::text, r.level::text) as exercise_level,
    b.region_code,
    p.implementing_agency as agency_name,
    coalesce(bc.credit_code, '') as agency_credit_code,
    coalesce((
      select string_agg(
        case when left(btrim(e ->> 'documentName'), 1) = '《' then btrim(e ->> 'documentName')
             else '《' || btrim(e ->> 'documentName') || '》' end
        || btrim(coalesce(e ->> 'article', '')) || '：' || btrim(coalesce(e ->> 'text', '')),
        E'\n' order by o)
      from jsonb_array_elements(p.legal_bases) with ordinality as x(e, o)), '') as legal_bases,
    case when tl.legal_amount is null then ''
         else tl.legal_amount::text || case tl.legal_unit when 'workday' then '个工作日' else '日' end end as legal_time_limit,
    case when tl.promised_amount is null then ''
         else tl.promised_amount::text || case tl.promised_unit when 'workday' then '个工作日' else '日' end end as promised_time_limit,
    coalesce(l.j -> 'status' ->> p.status, p.status) as status
  from power p
  join body b on b.id = p.body_id
  join region r on r.code = b.region_code
  cross join (select ${LABELS}::jsonb as j) l
  left join regional_body_code bc on bc.body_id = p.body_id
  left join power_time_limit tl on tl.body_id = p.body_id and tl.code = p.code
  where p.valid_to is null and p.body_id in (${bodies})`;

export const diffStatement = (reconciliationId: number, bodies: RawBuilder<unknown>) => sql`
  insert into regional_reconciliation_diff (reconciliation_id, body_id, code, name, kind, field, ours, theirs)
  with ours as (${oursSelect(bodies)})
  select ${reconciliationId}::int,
    coalesce(o.body_id, pc.body_id),
    coalesce(o.code, t.code),
    coalesce(o.name, t.name),
    case when t.code is null then 'missingThere' when o.code is null then 'missingHere'
         when f.field = 'status' then 'status' else 'field' end,
    case when t.code is null or o.code is null then null else f.field end,
    f.ours, f.theirs
  from ours o
  full join regional_stage t on t.code = o.code
  left join power_code pc on pc.code = t.code
  cross join lateral (values
    ('name', o.name, t.name),
    ('parentCode', o.parent_code, t.parent_code),
    ('itemType', o.item_type, t.item_type),
    ('exerciseLevel', o.exercise_level, t.exercise_level),
    ('regionCode', o.region_code, t.region_code),
    ('agencyName', o.agency_name, t.agency_name),
    ('agencyCreditCode', o.agency_credit_code, t.agency_credit_code),
    ('legalBases', o.legal_bases, t.legal_bases),
    ('legalTimeLimit', o.legal_time_limit, t.legal_time_limit),
    ('promisedTimeLimit', o.promised_time_limit, t.promised_time_limit),
    ('status', o.status, t.status)
  ) as f(field, ours, theirs)
  where case when t.code is null or o.code is null then f.field = 'status'
        else f.ours is distinct from f.theirs
             and (f.field <> 'agencyCreditCode' or (f.ours <> '' and f.theirs <> '')) end`;

/** The bench's anchor: the bare join of the same two sides, counting the pairs (no fields, no writing). */
export const bareJoin = (bodies: RawBuilder<unknown>) => sql<{ n: string }>`
  select count(*) as n from (select code from power where valid_to is null and body_id in (${bodies})) o
  full join regional_stage t on t.code = o.code`;
