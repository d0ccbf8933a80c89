-- Issue 10 (4, 5) and issue 9 (8): account hardening.

-- An account created by the one-time setup (or reset by an administrator) must choose its own
-- password at first sign-in; until then the session can do nothing else.
alter table app_user add column must_change_password boolean not null default false;

-- 三员分立: a change to another administrator's account or roles is requested by one
-- administrator and takes effect only when a different administrator confirms it.
create table admin_change (
  id            integer generated always as identity primary key,
  kind          text not null check (kind in ('user.update', 'role.grant', 'role.revoke')),
  target_user_id integer not null references app_user(id) on delete cascade,
  payload       jsonb not null,
  status        text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
  requested_by  integer not null references app_user(id),
  requested_at  timestamptz not null,
  decided_by    integer references app_user(id),
  decided_at    timestamptz,
  check (decided_by is null or decided_by <> requested_by)
);
create index admin_change_pending_idx on admin_change(status) where status = 'pending';

-- A public comment form's token is good for one submission: its MAC is kept until the token
-- would have expired anyway.
create table consultation_form_token_used (
  mac        text primary key,
  issued_at  timestamptz not null
);
create index consultation_form_token_used_issued_idx on consultation_form_token_used(issued_at);
