-- 0051: related bodies consulted at the same time (§13.2 ¶2, issue 13.2). Each named body answers
-- 同意 / 有条件同意 / 不同意 with a reason and whether its own approval moves down too (同级审批),
-- or the coordination office records why the application need not wait for it.
create table delegation_related (
  id                       integer generated always as identity primary key,
  adjustment_id            integer not null references adjustment(id),
  body_id                  integer not null references body(id),
  asked_on                 date not null,
  due_on                   date not null,
  due_citation             text not null,
  asked_by                 integer not null references app_user(id),
  answer                   text check (answer in ('agree', 'conditional', 'disagree')),
  reason                   text,
  own_approval_moves_down  boolean,
  answered_by              integer references app_user(id),
  answered_at              timestamptz,
  waived_reason            text,
  waived_by                integer references app_user(id),
  waived_at                timestamptz,
  unique (adjustment_id, body_id)
);
