// The joint meeting's endpoints (server: src/modules/supervision/joint-meeting.routes.ts).
import { http } from '../../api.ts';
import type { AgendaKind, MeetingView, MembersView } from '../../../contract/joint-meeting.ts';

export const jointMeetingApi = {
  members: (region?: string) => http.get<MembersView>('/api/joint-meetings/members', { region }),
  setMembers: (region: string, bodyIds: number[]) =>
    http.put<MembersView>('/api/joint-meetings/members', { region, bodyIds }),
  list: () => http.get<{ items: MeetingView[] }>('/api/joint-meetings'),
  create: (body: {
    region: string;
    title: string;
    heldOn: string;
    place: string;
    agenda: { kind: AgendaKind; refId: number | null; text: string }[];
  }) => http.post<MeetingView>('/api/joint-meetings', body),
  record: (
    id: number,
    body: {
      attendance: { bodyId: number; present: boolean; attendee: string }[];
      decisions: string[];
      minutes: string;
    },
  ) => http.post<MeetingView>(`/api/joint-meetings/${id}/record`, body),
  publish: (id: number) => http.post<MeetingView>(`/api/joint-meetings/${id}/publish`),
};
