// §4 联席会议 (issue 12 item 7): each level's member bodies, its meetings with agenda, attendance
// and decisions, and the minutes the office chooses to publish — request and response schemas.
import { z } from 'zod';
import { dayInput, timestamp, type Wire } from './wire.js';

export const AGENDA_KINDS = ['adjustment', 'finding', 'assessment', 'other'] as const;
export const agendaKindSchema = z.enum(AGENDA_KINDS, { message: '请选择议题类型' });
export type AgendaKind = z.infer<typeof agendaKindSchema>;
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  adjustment: '权责清单调整事项',
  finding: '督查发现与整改',
  assessment: '绩效考核',
  other: '其他议题',
};

const text = (what: string, max: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}个字`);
const id = (what: string) =>
  z.coerce
    .number({ message: `${what}无效` })
    .int(`${what}无效`)
    .positive(`${what}无效`)
    .max(2_147_483_647);

export const agendaItemSchema = z.object({
  kind: agendaKindSchema,
  /** the application or finding the item is about, where it is one */
  refId: id('议题关联编号').nullable().default(null),
  text: text('议题内容', 500),
});
export const attendanceSchema = z.object({
  bodyId: id('成员单位'),
  present: z.boolean({ message: '请选择是否出席' }),
  attendee: z.string().trim().max(50, '出席人不能超过50个字').default(''),
});

export const regionQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为6位数字')
    .optional(),
});
export const membersBody = z.object({
  region: z.string().regex(/^\d{6}$/, '区划代码应为6位数字'),
  bodyIds: z.array(id('成员单位')).max(200, '成员单位过多'),
});
export const meetingBody = z.object({
  region: z.string().regex(/^\d{6}$/, '区划代码应为6位数字'),
  title: text('会议名称', 200),
  heldOn: dayInput('会议日期'),
  place: z.string().trim().max(100, '地点不能超过100个字').default(''),
  agenda: z.array(agendaItemSchema).min(1, '请至少列出一项议题').max(50, '议题过多'),
});
export const recordBody = z.object({
  attendance: z.array(attendanceSchema).max(200),
  decisions: z.array(text('议定事项', 1000)).min(1, '请至少记录一项议定事项').max(50),
  minutes: z.string().trim().max(10000, '会议纪要不能超过10000个字').default(''),
});

export const memberSchema = z.object({ bodyId: z.number(), bodyName: z.string(), addedAt: timestamp });
export const membersSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** the actor is this level's 协调小组办公室 (联席会议办公室) */
  manage: z.boolean(),
  members: z.array(memberSchema),
  /** the bodies of the level that may be members */
  candidates: z.array(z.object({ bodyId: z.number(), bodyName: z.string() })),
});
export const meetingSchema = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  agenda: z.array(z.object({ kind: agendaKindSchema, refId: z.number().nullable(), text: z.string() })),
  status: z.enum(['planned', 'held']),
  attendance: z.array(
    z.object({ bodyId: z.number(), bodyName: z.string(), present: z.boolean(), attendee: z.string() }),
  ),
  decisions: z.array(z.string()),
  minutes: z.string().nullable(),
  minutesPublishedAt: timestamp.nullable(),
  createdByName: z.string(),
  manage: z.boolean(),
});
export const meetingListSchema = z.object({ items: z.array(meetingSchema) });

export type MeetingInput = z.infer<typeof meetingBody>;
export type RecordInput = z.infer<typeof recordBody>;
export type MeetingView = Wire<typeof meetingSchema>;
export type MembersView = Wire<typeof membersSchema>;
