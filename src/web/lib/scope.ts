// Where the actor may act with a role, to trim the choices a page offers (the server decides
// every call again): the contract's rule (src/contract/scope.ts) over the session's roles.
import { pathWithin } from '../../contract/scope.ts';
import type { Role, Session } from '../types.ts';

export { pathWithin };

export const scopesOf = (s: Session, role: Role) => s.roles.filter((g) => g.role === role).map((g) => g.regionPath);

export const reaches = (s: Session, role: Role, regionPath: string) =>
  scopesOf(s, role).some((sc) => pathWithin(regionPath, sc));
