// Open data (issue 14.3, §15 ¶2 畅通信息公开渠道): who registers the consumers that receive the
// city's publications by webhook and reads their delivery log. The city's 协调小组办公室 runs the
// publication channels for the whole city; the installation's system administrator keeps them working.
import type { Actor } from '../actor.js';
import { canConfigureInstallation } from './administration.js';

/** The city's office (a coordinator grant at the top-level region) or the installation's system administrator. */
export const canManageWebhooks = (a: Actor | null): boolean =>
  canConfigureInstallation(a) || !!a?.grants.some((g) => g.role === 'coordinator' && !g.regionPath.includes('/'));
