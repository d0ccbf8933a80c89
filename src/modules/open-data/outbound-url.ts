// Where webhooks may be sent (issue 14.3): http or https only, no credentials in the address, and
// never to a loopback, private, link-local or otherwise internal address (SSRF: a consumer's URL
// must not reach the platform's own database or the office network) unless WEBHOOK_ALLOW_PRIVATE
// lists it. Checked at registration and again before every attempt, since a name may resolve
// elsewhere later.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv6');

/** The allow-list from WEBHOOK_ALLOW_PRIVATE: addresses or CIDRs. */
export function allowList(entries: readonly string[]): BlockList {
  const b = new BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split('/') as [string, string | undefined];
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(addr)) continue;
    if (bits === undefined) b.addAddress(addr, type);
    else b.addSubnet(addr, Number(bits), type);
  }
  return b;
}

/** ::ffff:10.0.0.1 is 10.0.0.1 */
const unmapped = (a: string) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

export function isInternal(address: string): boolean {
  const a = unmapped(address);
  return INTERNAL.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4');
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** The address's form only (no DNS): what a form can say at once. */
export function checkUrlForm(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: '接收地址不是有效的网址' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: '接收地址只能是 http 或 https 网址' };
  if (url.username || url.password) return { ok: false, message: '接收地址不能包含用户名或密码' };
  return { ok: true, url };
}

/** The form, then every address the host resolves to against the internal ranges and the allow-list. */
export async function checkOutboundUrl(raw: string, allowed: BlockList): Promise<UrlCheck> {
  const form = checkUrlForm(raw);
  if (!form.ok) return form;
  const host = form.url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return { ok: false, message: `无法解析接收地址的主机名 ${host}` };
  }
  for (const a of addresses) {
    const bare = unmapped(a);
    if (isInternal(bare) && !allowed.check(bare, isIP(bare) === 6 ? 'ipv6' : 'ipv4'))
      return {
        ok: false,
        message: `接收地址指向内部网络地址 ${bare}，不允许发送（如确需发送，请在 WEBHOOK_ALLOW_PRIVATE 中列出）`,
      };
  }
  return form;
}
