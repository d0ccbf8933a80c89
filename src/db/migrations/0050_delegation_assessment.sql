-- 0050: the prior assessment of a 下放 or 委托 (§13.2 ¶1, issue 13.1): 承接能力 (staff,
-- qualifications, equipment, systems), 落实状态 and 日常监管, each a finding with its assessor and
-- evidence (ids of the application's own attachments), and the three refusals answered yes/no
-- with a reason. One record per application, replaced while the application is being drafted.
create table delegation_assessment (
  adjustment_id integer primary key references adjustment(id),
  -- { staff: { finding, assessor, attachmentIds }, …, implementation, supervision }
  sections      jsonb not null,
  -- { unlawful: { answer: 'yes'|'no', reason }, policyRisk, cannotCarry }
  refusals      jsonb not null,
  assessed_on   date not null,
  conclusion    text not null check (length(conclusion) between 1 and 2000),
  recorded_by   integer not null references app_user(id),
  recorded_at   timestamptz not null
);
