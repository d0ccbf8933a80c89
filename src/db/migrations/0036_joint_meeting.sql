-- §4: 建立权责清单管理联席会议制度，权责清单涉及的各部门为联席会议成员单位。联席会议办公室设在
-- 协调小组办公室. Each level's (region's) member bodies; its meetings with agenda, attendance,
-- decisions and minutes the office may publish (issue 12 item 7).

create table joint_meeting_member (
  region_code   text not null references region(code),
  body_id       integer not null references body(id),
  added_at      timestamptz not null,
  added_by      integer not null references app_user(id),
  primary key (region_code, body_id)
);

create table joint_meeting (
  id                    integer generated always as identity primary key,
  region_code           text not null references region(code),
  title                 text not null check (length(title) between 1 and 200),
  held_on               date not null,
  place                 text,
  -- agenda items: [{ kind: 'adjustment' | 'finding' | 'assessment' | 'other', refId, text }]
  agenda                jsonb not null default '[]',
  status                text not null default 'planned' check (status in ('planned', 'held')),
  -- attendance: [{ bodyId, present, attendee }]; decisions: [text]
  attendance            jsonb not null default '[]',
  decisions             jsonb not null default '[]',
  minutes               text,
  minutes_published_at  timestamptz,
  created_at            timestamptz not null,
  created_by            integer not null references app_user(id),
  recorded_at           timestamptz,
  recorded_by           integer references app_user(id)
);
create index joint_meeting_region_idx on joint_meeting(region_code, held_on);
