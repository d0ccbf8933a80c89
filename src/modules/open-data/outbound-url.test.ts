// Where webhooks may go (issue 14.3): http/https only, and no loopback, private or link-local address
// unless WEBHOOK_ALLOW_PRIVATE lists it — loopback is listed by default outside production only.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { allowList, checkOutboundUrl, checkUrlForm, isInternal } from './outbound-url.js';

describe('outbound webhook addresses', () => {
  it('knows internal addresses, IPv4 and IPv6, mapped or not', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ])
      expect(isInternal(a), a).toBe(true);
    for (const a of ['202.99.224.68', '8.8.8.8', '2400:3200::1']) expect(isInternal(a), a).toBe(false);
  });

  it('accepts http and https only, without credentials', () => {
    expect(checkUrlForm('https://data.baotou.gov.cn/hook').ok).toBe(true);
    expect(checkUrlForm('ftp://data.baotou.gov.cn/').ok).toBe(false);
    expect(checkUrlForm('file:///etc/passwd').ok).toBe(false);
    expect(checkUrlForm('https://a:b@data.baotou.gov.cn/').ok).toBe(false);
    expect(checkUrlForm('不是网址').ok).toBe(false);
  });

  it('production refuses loopback and private addresses unless WEBHOOK_ALLOW_PRIVATE lists them', async () => {
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod.webhookAllowPrivate).toEqual([]);
    expect((await checkOutboundUrl('http://127.0.0.1:9000/', allowList(prod.webhookAllowPrivate))).ok).toBe(false);
    expect((await checkOutboundUrl('http://[::1]:9000/', allowList(prod.webhookAllowPrivate))).ok).toBe(false);
    const listed = loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE: '10.20.0.0/16, 127.0.0.1' });
    expect((await checkOutboundUrl('http://10.20.3.4/hook', allowList(listed.webhookAllowPrivate))).ok).toBe(true);
    expect((await checkOutboundUrl('http://127.0.0.1/hook', allowList(listed.webhookAllowPrivate))).ok).toBe(true);
    expect((await checkOutboundUrl('http://10.21.0.1/hook', allowList(listed.webhookAllowPrivate))).ok).toBe(false);
    // a public address needs no listing (no DNS asked for an address literal)
    expect((await checkOutboundUrl('https://202.99.224.68/hook', allowList([]))).ok).toBe(true);
  });

  it('outside production loopback is allowed by default (the tests’ receiver), other private ranges are not', async () => {
    const dev = allowList(loadConfig({}).webhookAllowPrivate);
    expect((await checkOutboundUrl('http://127.0.0.1:9000/', dev)).ok).toBe(true);
    expect((await checkOutboundUrl('http://192.168.1.1/', dev)).ok).toBe(false);
  });
});
