// Test fixtures for the portal and search: a body of our own with lists published through the
// register's publishVersion (the only way published rows are written).
import { sql } from 'kysely';
import type { TestApp } from '../../../test/harness.js';
import type { Duty, Power } from '../../core/register/index.js';
import { issueCodes, publishVersion } from '../register/publish.js';

export interface FixtureBody {
  id: number;
  name: string;
  prefix: string;
}

export async function freshBody(t: TestApp, name: string, region = '150200'): Promise<FixtureBody> {
  const { next } = await t.db
    .selectFrom('body')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('region_code', '=', region)
    .executeTakeFirstOrThrow();
  const b = await t.db
    .insertInto('body')
    .values({ region_code: region, name, short_name: null, kind: '政府工作部门', office: null, seq: next })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  return { id: b.id, name, prefix: `${region.slice(0, 6)}-${String(b.seq).padStart(3, '0')}` };
}

export function power(code: string, name: string, extra: Partial<Power> = {}): Power {
  return {
    parentId: null,
    code,
    name,
    category: code.split('-')[2]!,
    responsibleSubject: '包头市测试监督管理局',
    legalBases: [
      {
        documentName: '《中华人民共和国行政许可法》',
        level: '法律',
        article: '第十二条',
        text: '下列事项可以设定行政许可：（一）直接涉及国家安全、公共安全、经济宏观调控、生态环境保护以及直接关系人身健康、生命财产安全等特定活动，需要按照法定条件予以批准的事项',
      },
    ],
    implementingAgency: '包头市测试监督管理局',
    responsibilities: [
      { order: 1, name: '受理责任', content: '公示应当提交的材料，一次性告知补正材料，依法受理或不予受理。' },
      { order: 2, name: '审查责任', content: '对申请材料进行审查，提出审查意见。' },
      { order: 3, name: '决定责任', content: '作出准予或者不予许可的决定。' },
    ],
    accountabilityCases: ['对符合法定条件的申请不予受理的', '未依法说明不予许可理由的'],
    accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
    remarks: '',
    status: 'active',
    ...extra,
  };
}

export async function publish(
  t: TestApp,
  body: FixtureBody,
  powers: Power[],
  opts: { at: Date; duties?: Duty[]; source?: { type: 'compilation' | 'adjustment'; id: number } },
) {
  return t.db.transaction().execute(async (trx) => {
    const issued = await trx.selectFrom('power_code').select('code').where('body_id', '=', body.id).execute();
    const have = new Set(issued.map((r) => r.code));
    await issueCodes(
      trx,
      body.id,
      powers.map((p) => p.code).filter((c) => !have.has(c)),
    );
    return publishVersion(trx, {
      bodyId: body.id,
      powers,
      duties: opts.duties,
      source: opts.source ?? { type: 'compilation', id: 1 },
      rulebookId: 'baotou-2025',
      actor: null,
      at: opts.at,
    });
  });
}
