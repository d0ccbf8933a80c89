// Demo entrustment to an organisation (issue 13.3): 包头市城市管理综合执法局 entrusts 对未经批准擅自
// 设置大型户外广告等影响市容行为的处罚 (data/reference/typical-powers.json) under 《城市市容和环境卫生
// 管理条例》第三十六条, which lets the 市容环境卫生行政主管部门 act "或者其委托的单位". Written
// through the modules' own commands: the prior assessment, the basis and the written instrument
// (行政处罚: 书面委托), the organisation, the reviews and consultation, the government's decision,
// the office recording the organisation's signed acceptance (承接确认), the 委托公告 on the portal
// and the office's acknowledgement of the 报备. Like the demo delegation it stops before the office
// publishes, so the demo lists stay at version 1 (supervision records wait for publication).
// The organisation's name is inferred from the article's "委托的单位" and not verified (as
// data/reference marks unverified names); its 统一社会信用代码 is left empty rather than made up.
import { findStep, getRulebook, levelOfPath, stepRoles, type Role } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import { findAdjustment } from '../adjustments/adjustments.repo.js';
import { addAttachment } from '../adjustments/attachments.commands.js';
import { createAdjustment, setItems } from '../adjustments/content.command.js';
import { saveAssessment } from './delegation.commands.js';
import { actor, bodyId, completeStep, day, iso, META } from './delegation.seed.js';
import { acknowledgeFiling, announceEntrustment, saveEntrustment } from './entrustment.commands.js';

const POWER = '对未经批准擅自设置大型户外广告等影响市容行为的处罚';
const BODY = '包头市城市管理综合执法局';
const ORGANISATION = '包头市市容环境卫生服务中心';

/** The entrusting body's accounts (loaded by the demo seed before the delegation demo). */
export const ENTRUSTMENT_ACCOUNTS: {
  username: string;
  displayName: string;
  region: string;
  body: { name: string };
  roles: ('clerk' | 'leadUnit')[];
}[] = [
  { username: 'clerk.cgj', displayName: '高丽萍', region: '150200', body: { name: BODY }, roles: ['clerk'] },
  { username: 'lead.cgj', displayName: '马国栋', region: '150200', body: { name: BODY }, roles: ['leadUnit'] },
];

const USERS: Record<Role, string> = {
  clerk: 'clerk.cgj',
  leadUnit: 'lead.cgj',
  coordinator: 'coord.city',
  legalReviewer: 'legal.city',
  approver: 'gov.city',
  // §13.3: an organisation outside the register — the level's office records its acceptance
  receiver: 'coord.city',
};

/** A one-page PDF whose document information carries the instrument's words (UTF-16BE, as PDF allows). */
function instrumentPdf(text: string): Buffer {
  const hex = Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex').toUpperCase();
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Title <${hex}> >>`,
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const section = (finding: string) => ({ finding, assessor: '马国栋', attachmentIds: [] });

/** Run after the demo register, the accounts and ENTRUSTMENT_ACCOUNTS. Skipped without the power. */
export async function loadDemoEntrustment(db: Database) {
  const cgj = await bodyId(db, '150200', BODY);
  const target = await db
    .selectFrom('power')
    .select('code')
    .where('body_id', '=', cgj)
    .where('name', '=', POWER)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!target) return;
  let n = 40; // 2026-05-11, after the demo delegation
  const at = () => ({ db, clock: () => day(n) });
  const clerk = await actor(db, USERS.clerk);
  const { id } = await createAdjustment(at(), clerk, META, cgj, {
    title: `委托${ORGANISATION}实施“${POWER}”`,
    kind: 'entrust',
    triggerKind: 'other',
    triggerDate: iso(day(n - 1)),
    reason: '市区大型户外广告设置量大、分布广，委托具有市容环境卫生管理职能的单位实施，及时制止影响市容的行为。',
    legalBasis:
      '《城市市容和环境卫生管理条例》第三十六条：由城市人民政府市容环境卫生行政主管部门或者其委托的单位责令其停止违法行为……并可处以罚款',
    takeover: `${ORGANISATION}承担市区市容环境卫生日常管理，见事前调研评估。`,
    receivingBodyId: null,
  });
  await setItems(at(), clerk, META, id, [{ targetCode: target.code }], (await findAdjustment(db, id))!.version);
  const file = await addAttachment(at(), clerk, META, id, {
    name: '行政处罚委托书.pdf',
    bytes: instrumentPdf(
      `${BODY}依据《城市市容和环境卫生管理条例》第三十六条、《中华人民共和国行政处罚法》第二十条，书面委托${ORGANISATION}以本局名义实施“${POWER}”；受委托单位不得再委托其他组织或者个人实施。`,
    ),
  });
  n += 1;
  await saveAssessment(at(), clerk, META, id, {
    sections: {
      staff: section('受委托单位现有市容巡查执法人员12名，均经行政执法资格培训'),
      qualifications: section('从事处罚的人员熟悉《城市市容和环境卫生管理条例》和行政处罚程序（行政处罚法第二十一条）'),
      equipment: section('配备执法记录仪和巡查车辆，可开展现场检查取证'),
      systems: section('使用本局行政执法综合管理系统办理，案件全程留痕'),
      implementation: section('已拟定委托书、执法文书格式和案件报送制度'),
      supervision: section('本局法制科每季度评查受委托单位案卷，按月通报'),
    },
    refusals: {
      unlawful: { answer: 'no', reason: '条例第三十六条明定可由其委托的单位实施，委托采用书面形式' },
      policyRisk: { answer: 'no', reason: '处罚仍以本局名义作出，本局承担法律责任，未发现政策风险' },
      cannotCarry: { answer: 'no', reason: '受委托单位人员、装备和制度均已具备' },
    },
    assessedOn: iso(day(n)),
    conclusion: '具备委托条件',
  });
  await saveEntrustment(at(), clerk, META, id, {
    basisLevel: '法规',
    basisDocument: '《城市市容和环境卫生管理条例》',
    basisArticle: '第三十六条',
    instrumentAttachmentId: file.id,
    organisation: {
      name: ORGANISATION,
      creditCode: null,
      publicFunction:
        '承担市区市容环境卫生日常管理和巡查的公益服务职能（《城市市容和环境卫生管理条例》第三十六条“其委托的单位”）',
    },
  });
  for (let guard = 0; guard < 20; guard++) {
    const a = (await findAdjustment(db, id))!;
    const step = a.openSteps[0];
    if (!step || step === 'publish') break;
    n += 1;
    const role = stepRoles(
      getRulebook(a.rulebookId),
      findStep(getRulebook(a.rulebookId), a.kind, step)!,
      levelOfPath(a.regionPath),
    )[0]!;
    n = await completeStep(db, a, step, await actor(db, USERS[role]), n, '包府办发〔2026〕27号');
  }
  // §13.3 向社会公告，同时向本级协调小组办公室报备; the office acknowledges
  n += 1;
  await announceEntrustment(at(), clerk, META, id);
  n += 1;
  await acknowledgeFiling(at(), await actor(db, USERS.coordinator), META, id, '已收到委托书和委托公告，准予报备');
}
