-- 0053: the handover on a set date (§13.5, issue 13.5): the plan's date (时间结点) and its checklist
-- 办理权限、信息数据、政策依据、办理卷宗, each handed over by the delegating body and confirmed by the
-- receiving body. And the findings of the delegation watch (a missed date; 明放暗不放), kept here
-- for the coordination office until supervision (src/modules/supervision) takes them up.
create table delegation_handover (
  adjustment_id integer primary key references adjustment(id),
  handover_on   date not null,
  planned_by    integer not null references app_user(id),
  planned_at    timestamptz not null
);
create table delegation_handover_item (
  adjustment_id integer not null references delegation_handover(adjustment_id),
  item          text not null check (item in ('permissions', 'data', 'policyBasis', 'caseFiles')),
  count         integer check (count >= 0),
  note          text not null default '',
  handed_by     integer references app_user(id),
  handed_at     timestamptz,
  confirmed_by  integer references app_user(id),
  confirmed_at  timestamptz,
  primary key (adjustment_id, item)
);
create table delegation_finding (
  id                   integer generated always as identity primary key,
  kind                 text not null check (kind in ('handoverMissed', 'disguisedRetention')),
  -- the delegation the finding is about, and the later application that raised it (明放暗不放)
  adjustment_id        integer not null references adjustment(id),
  source_adjustment_id integer references adjustment(id),
  body_id              integer not null references body(id),
  power_code           text,
  detail               text not null,
  dedupe_key           text not null unique,
  detected_at          timestamptz not null
);
