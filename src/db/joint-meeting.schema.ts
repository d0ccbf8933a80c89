// Table types of migration 0036 (src/modules/supervision/joint-meeting.*): §4 联席会议.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;
type JsonArr = ColumnType<unknown[], string | undefined, string>;

export interface JointMeetingMemberTable {
  region_code: string;
  body_id: number;
  added_at: Timestamp;
  added_by: number;
}

export interface JointMeetingTable {
  id: Generated<number>;
  region_code: string;
  title: string;
  held_on: DateCol;
  place: string | null;
  agenda: JsonArr;
  status: Generated<'planned' | 'held'>;
  attendance: JsonArr;
  decisions: JsonArr;
  minutes: string | null;
  minutes_published_at: TimestampN;
  created_at: Timestamp;
  created_by: number;
  recorded_at: TimestampN;
  recorded_by: number | null;
}

export interface JointMeetingTables {
  joint_meeting_member: JointMeetingMemberTable;
  joint_meeting: JointMeetingTable;
}
