-- 0005: public comments on a consultation (regulation §12 公开征求意见; §15 收集整理公民、法人或
-- 其他组织的意见和建议……吸收采纳合理内容). The consultation itself (dates, open/closed) is 0004's.

-- One comment from the public. Post-moderation: a comment is public at once; the coordination
-- office may hide it with a reason (the page shows how many are hidden). Each comment gets a
-- disposition with a reason, shown on the portal once the consultation has closed.
create table consultation_comment (
  id                  integer generated always as identity primary key,
  consultation_id     integer not null references consultation(id),
  seq                 integer not null,          -- 1, 2, 3 … within the consultation: the public number
  author_name         text,                      -- optional; shown as given, or 匿名
  contact             text,                      -- optional; staff only, never on the portal
  content             text not null,
  client_key          text not null,             -- HMAC of the client address: rate limiting without keeping the address
  created_at          timestamptz not null,
  hidden_at           timestamptz,
  hidden_by           integer references app_user(id),
  hidden_reason       text,
  disposition         text check (disposition in ('adopted', 'partlyAdopted', 'notAdopted')),
  disposition_reason  text,
  disposed_at         timestamptz,
  disposed_by         integer references app_user(id),
  unique (consultation_id, seq),
  check ((hidden_at is null) = (hidden_reason is null)),
  check ((disposition is null) = (disposition_reason is null))
);
create index consultation_comment_client_idx on consultation_comment(client_key, created_at);

-- Keys for server-side signatures (the public comment form's anti-forgery token, the client-address
-- HMAC). Made here from the database's strong random source, so every app server shares them and
-- none is in the code or the environment.
create table server_secret (
  name    text primary key,
  secret  text not null
);
insert into server_secret (name, secret)
values ('consultationForm', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));
