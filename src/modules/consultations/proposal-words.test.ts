import { describe, expect, it } from 'vitest';
import type { Power } from '../../core/register/index.js';
import { getRulebook } from '../../core/rulebook/index.js';
import { COMMENT_LIMITS, commentForm } from './comment-rules.js';
import { checkFormToken, clientKey, issueFormToken } from './form-token.js';
import { describeProposal } from './proposal-words.js';

const rb = getRulebook('baotou-2023');
const power: Power = {
  parentId: null,
  code: '150200-001-XK-00001-000',
  name: '食品经营许可',
  category: 'XK',
  responsibleSubject: '包头市市场监督管理局',
  implementingAgency: '食品经营监管科',
  legalBases: [{ documentName: '《中华人民共和国食品安全法》', level: '法律', article: '第三十五条', text: '' }],
  responsibilities: [{ order: 1, name: '受理责任', content: '依法受理申请' }],
  accountabilityCases: ['不依法受理的'],
  accountabilityBasis: '《行政许可法》第七十二条',
  remarks: '',
  status: 'active',
};

describe('describeProposal (§12: the proposed change in plain words)', () => {
  it('says field by field what a modification changes', () => {
    const proposed = { ...power, implementingAgency: '行政审批服务科', remarks: '2027年起网上办理', category: 'QR' };
    const [c] = describeProposal('modify', [{ targetCode: power.code, base: power, proposed }], rb);
    expect(c.headline).toBe('修改行政职权“食品经营许可”');
    expect(c.details).toEqual([
      '将“权力类别”由“行政许可”修改为“行政确认”',
      '将“实施机构”由“食品经营监管科”修改为“行政审批服务科”',
      '增加“备注”：“2027年起网上办理”',
    ]);
  });

  it('names added, cancelled and delegated powers', () => {
    expect(
      describeProposal('add', [{ targetCode: null, base: null, proposed: { ...power, name: '新事项' } }], rb)[0]
        .headline,
    ).toBe('增加行政职权“新事项”');
    expect(describeProposal('cancel', [{ targetCode: power.code, base: power, proposed: null }], rb)[0].headline).toBe(
      '取消行政职权“食品经营许可”',
    );
    expect(
      describeProposal(
        'delegate',
        [{ targetCode: power.code, base: power, proposed: null }],
        rb,
        '昆都仑区市场监督管理局',
      )[0].headline,
    ).toBe('将行政职权“食品经营许可”下放至昆都仑区市场监督管理局');
  });

  it('describes a merge with the codes it replaces', () => {
    const other = { ...power, code: '150200-001-XK-00002-000', name: '食品生产许可' };
    const out = describeProposal(
      'merge',
      [
        { targetCode: power.code, base: power, proposed: null },
        { targetCode: other.code, base: other, proposed: null },
        { targetCode: null, base: null, proposed: { ...power, name: '食品生产经营许可' } },
      ],
      rb,
    );
    expect(out.map((c) => c.headline)).toEqual([
      '行政职权“食品经营许可”并入合并后的新事项，原事项不再单列',
      '行政职权“食品生产许可”并入合并后的新事项，原事项不再单列',
      '合并设立行政职权“食品生产经营许可”',
    ]);
    expect(out[2].details.at(-1)).toBe(`由原事项（编码 ${power.code}、${other.code}）合并而来`);
  });
});

describe('comment form rules', () => {
  it('trims, drops control characters, makes empty optional fields null', () => {
    const r = commentForm.parse({ name: '  ', contact: '', content: ' 建议\u0000保留现场办理渠道 ', token: 't' });
    expect(r).toEqual({ name: null, contact: null, content: '建议保留现场办理渠道', token: 't' });
  });

  it('refuses with Chinese messages', () => {
    const r = commentForm.safeParse({ content: '短', name: 'x'.repeat(COMMENT_LIMITS.nameMax + 1) });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => i.message);
    expect(msgs).toContain(`意见内容至少${COMMENT_LIMITS.contentMin}个字`);
    expect(msgs).toContain(`姓名或单位不能超过${COMMENT_LIMITS.nameMax}个字`);
  });
});

describe('form token', () => {
  const key = 'k'.repeat(64);
  const t0 = new Date('2026-12-01T09:00:00+08:00');
  it('is valid for its consultation and time only', () => {
    const tok = issueFormToken(key, 7, t0);
    expect(checkFormToken(key, 7, tok, new Date(t0.getTime() + 60_000), 240)).toBe('ok');
    expect(checkFormToken(key, 8, tok, t0, 240)).toBe('invalid');
    expect(checkFormToken('x'.repeat(64), 7, tok, t0, 240)).toBe('invalid');
    expect(checkFormToken(key, 7, tok.replace(/^\d+/, String(t0.getTime() + 1)), t0, 240)).toBe('invalid');
    expect(checkFormToken(key, 7, tok, new Date(t0.getTime() + 241 * 60_000), 240)).toBe('expired');
    expect(checkFormToken(key, 7, '', t0, 240)).toBe('invalid');
  });
  it('pseudonymises the client address', () => {
    expect(clientKey(key, '10.0.0.1')).toBe(clientKey(key, '10.0.0.1'));
    expect(clientKey(key, '10.0.0.1')).not.toContain('10.0.0.1');
    expect(clientKey(key, '10.0.0.1')).not.toBe(clientKey(key, '10.0.0.2'));
  });
});
