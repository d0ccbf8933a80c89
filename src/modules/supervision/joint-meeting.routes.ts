// §4 联席会议's API: members of a level, its meetings, their record and published minutes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  meetingBody,
  meetingListSchema,
  meetingSchema,
  membersBody,
  membersSchema,
  recordBody,
  regionQuery,
} from '../../contract/joint-meeting.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { ownOfficeRegion, scopesOf } from '../../core/policies/scope.js';
import { canManageJointMeeting, canViewJointMeeting } from '../../core/policies/supervision.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Db } from '../../platform/db.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { createMeeting, publishMinutes, recordMeeting, setMembers } from './joint-meeting.commands.js';
import { candidates, findMeeting, findRegion, listMeetings, members } from './joint-meeting.repo.js';

const TAGS = ['联席会议'];

async function membersView(db: Db, actor: Actor, code: string | undefined) {
  // by default the level of the actor's own coordination office
  const own = ownOfficeRegion(actor);
  const r = await findRegion(db, code ?? own ?? '');
  if (!r || r.level > 2 || !canViewJointMeeting(actor, r.path)) throw notFound('区划');
  return {
    regionCode: r.code,
    regionName: r.name,
    manage: canManageJointMeeting(actor, r.path),
    members: await members(db, r.code),
    candidates: await candidates(db, r.code),
  };
}

async function visibleMeeting(db: Db, actor: Actor, id: number) {
  const m = await findMeeting(db, actor, id);
  if (!m || !canViewJointMeeting(actor, m.regionPath)) throw notFound('联席会议');
  return m;
}

export async function jointMeetingRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ok = (s: typeof membersSchema | typeof meetingSchema | typeof meetingListSchema) => ({
    200: s,
    ...errorResponses,
  });

  r.get(
    '/api/joint-meetings/members',
    {
      schema: {
        tags: TAGS,
        summary: '联席会议成员单位（第四条）',
        querystring: regionQuery,
        response: ok(membersSchema),
      },
    },
    async (req) => membersView(db, actorOf(req), req.query.region),
  );
  r.put(
    '/api/joint-meetings/members',
    { schema: { tags: TAGS, summary: '确定本级联席会议成员单位', body: membersBody, response: ok(membersSchema) } },
    async (req) => {
      const actor = actorOf(req);
      await setMembers(db, actor, req.body.region, req.body.bodyIds, metaOf(req), clock());
      return membersView(db, actor, req.body.region);
    },
  );
  r.get(
    '/api/joint-meetings',
    { schema: { tags: TAGS, summary: '联席会议列表（本级及下级）', response: ok(meetingListSchema) } },
    async (req) => {
      const actor = actorOf(req);
      const paths = scopesOf(actor, 'coordinator');
      return { items: await listMeetings(db, actor, paths) };
    },
  );
  r.post(
    '/api/joint-meetings',
    {
      schema: {
        tags: TAGS,
        summary: '安排联席会议（议题：调整事项、督查发现、绩效考核等）',
        body: meetingBody,
        response: { 201: meetingSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createMeeting(db, actor, req.body, metaOf(req), clock());
      return reply.status(201).send(await visibleMeeting(db, actor, id));
    },
  );
  r.get(
    '/api/joint-meetings/:id',
    { schema: { tags: TAGS, summary: '联席会议详情', params: idParam, response: ok(meetingSchema) } },
    async (req) => visibleMeeting(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/joint-meetings/:id/record',
    {
      schema: {
        tags: TAGS,
        summary: '记录出席情况、议定事项和会议纪要',
        params: idParam,
        body: recordBody,
        response: ok(meetingSchema),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await recordMeeting(db, actor, req.params.id, req.body, metaOf(req), clock());
      return visibleMeeting(db, actor, req.params.id);
    },
  );
  r.post(
    '/api/joint-meetings/:id/publish',
    { schema: { tags: TAGS, summary: '在门户网站公开会议纪要', params: idParam, response: ok(meetingSchema) } },
    async (req) => {
      const actor = actorOf(req);
      await publishMinutes(db, actor, req.params.id, metaOf(req), clock());
      return visibleMeeting(db, actor, req.params.id);
    },
  );
}
