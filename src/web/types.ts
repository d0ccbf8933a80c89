// Shapes of the server API as the workspace reads them: the wire form (`Wire`, i.e. z.input —
// a timestamp is a string there) of the response schemas in src/contract. Nothing is kept by
// hand here; a change to a schema changes these types, and the pages that use them must follow.
import type {
  AdminChange as AdminChangeWire,
  adminChangeSchema,
  PasswordRules as PasswordRulesWire,
  PendingAnswer as PendingAnswerWire,
  SecurityPolicy as SecurityPolicyWire,
  Session as SessionWire,
  UserDetail as UserDetailWire,
  UserRow as UserRowWire,
} from '../contract/accounts.ts';
import type { auditPageSchema, auditRowSchema, auditVerifySchema } from '../contract/audit.ts';
import type { Body as BodyWire, Region as RegionWire } from '../contract/bodies.ts';
import type { Wire } from '../contract/wire.ts';

export type { Abilities, Ability, Role } from '../contract/common.ts';
export type { RoleGrant } from '../contract/accounts.ts';

export type Session = SessionWire;
export type Region = RegionWire;
export type Body = BodyWire;
export type UserRow = UserRowWire;
export type UserDetail = UserDetailWire;
export type SecurityPolicy = SecurityPolicyWire;
export type PasswordRules = PasswordRulesWire;
export type AuditRow = Wire<typeof auditRowSchema>;
export type AuditPage = Wire<typeof auditPageSchema>;
export type AuditVerify = Wire<typeof auditVerifySchema>;
/** A change to an administrator's account or roles, waiting for a second administrator (三员分立). */
export type AdminChange = AdminChangeWire;
/** A 202 answer: the change is filed and waits for another administrator's confirmation. */
export type PendingAnswer = PendingAnswerWire;
export type AdminChangeKind = Wire<typeof adminChangeSchema>['kind'];
