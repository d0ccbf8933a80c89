// Where the actor may act with a role: a role held at a body of region R reaches R and every
// region under it (mirrors src/core/policies.ts; the server decides, this only trims choices).
import type { Role, Session } from '../types.ts';

export const pathWithin = (path: string, scope: string) => path === scope || path.startsWith(scope + '/');

export const scopesOf = (s: Session, role: Role) => s.roles.filter((g) => g.role === role).map((g) => g.regionPath);

export const reaches = (s: Session, role: Role, regionPath: string) =>
  scopesOf(s, role).some((sc) => pathWithin(regionPath, sc));
