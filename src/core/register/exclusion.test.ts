import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEnforcementName, screenName, screenPower } from './exclusion.js';

describe('§8 examples are flagged with their clause', () => {
  it.each([
    // §8.1 abstract management
    ['政策制定', '§8.1', '政策制定'],
    ['规划编制', '§8.1', '规划编制'],
    ['标准制定', '§8.1', '标准制定'],
    ['政策调研', '§8.1', '政策调研'],
    ['研究制定全市促进就业创业政策', '§8.1', '政策制定'],
    ['拟订全市工业和信息化发展规划', '§8.1', '规划编制'],
    ['组织编制全市国土空间总体规划', '§8.1', '规划编制'],
    ['城乡规划的编制', '§8.1', '规划编制'],
    ['制定地方标准', '§8.1', '标准制定'],
    ['农村牧区最低生活保障标准制定', '§8.1', '标准制定'],
    ['开展产业政策研究', '§8.1', '政策调研'],
    // §8.2 internal management
    ['人事任免', '§8.2', '人事任免'],
    ['干部任免', '§8.2', '人事任免'],
    ['机关工作人员任免', '§8.2', '人事任免'],
    ['机关内部财务管理', '§8.2', '内部管理'],
    ['部门内部管理', '§8.2', '内部管理'],
    ['干部考核', '§8.2', '内部管理'],
    // §8.3 common powers
    ['行政复议', '§8.3', '行政复议'],
    ['行政复议申请的受理', '§8.3', '行政复议'],
    ['行政应诉', '§8.3', '行政应诉'],
    ['加处罚款', '§8.3', '加处罚款'],
    ['对逾期不缴纳罚款的加处罚款', '§8.3', '加处罚款'],
    ['申投诉处理', '§8.3', '申投诉处理'],
    ['投诉处理', '§8.3', '申投诉处理'],
    ['受理对本部门工作人员的投诉', '§8.3', '申投诉处理'],
  ])('%s → %s %s', (name, clause, keyword) => {
    const flags = screenName(name);
    expect(flags.map((f) => [f.clause, f.keyword])).toContainEqual([clause, keyword]);
    const f = flags.find((x) => x.keyword === keyword)!;
    expect(f.field).toBe('name');
    expect(f.matched.length).toBeGreaterThan(0);
    expect(f.reason).toContain('第八条');
  });
});

describe('ordinary powers are not flagged', () => {
  it.each([
    '对违反规划许可的处罚',
    '建设工程（含临时建设）规划许可证核发',
    '乡村建设规划许可证核发',
    '建设用地规划许可证核发',
    '城乡规划编制单位资质认定',
    '对未取得建设工程规划许可证或者未按照许可证规定进行建设的处罚',
    '对政府采购供应商投诉处理决定',
    '消费者投诉处理',
    '对定点医药机构未建立医疗保障基金使用内部管理制度等行为的处罚',
    '对生产经营单位执行安全生产法律法规和国家标准或者行业标准情况的监督检查',
    '对超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物的处罚',
    '对无偿向本单位职工提供能源或者对能源消费实行包费制的处罚',
    '对报告重大事故隐患或者举报安全生产违法行为的有功人员的奖励',
    '对未按规定制定生产安全事故应急救援预案的处罚',
    '对经营者不执行政府指导价、政府定价等价格违法行为的处罚',
    '政府投资项目审批（项目建议书、可行性研究报告、初步设计）',
    '食品经营许可',
  ])('%s', (name) => {
    expect(screenName(name)).toEqual([]);
  });

  it('none of the 291 typical powers in the reference data is flagged', () => {
    const url = new URL('../../../data/reference/typical-powers.json', import.meta.url);
    const data = JSON.parse(readFileSync(url, 'utf8')) as { departments: Array<{ powers: Array<{ name: string }> }> };
    const names = data.departments.flatMap((d) => d.powers.map((p) => p.name));
    expect(names.length).toBe(291);
    const flagged = names.map((n) => [n, screenName(n)] as const).filter(([, f]) => f.length > 0);
    expect(flagged).toEqual([]);
  });
});

describe('screenPower', () => {
  it('screens the description too and says which field matched', () => {
    const flags = screenPower({ name: '产业发展工作', description: '负责拟订全市产业发展政策并组织实施' });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ clause: '§8.1', keyword: '政策制定', field: 'description' });
  });
  it('gives one flag per rule and field, several clauses when several apply', () => {
    const flags = screenName('行政复议和加处罚款');
    expect(flags.map((f) => f.keyword).sort()).toEqual(['加处罚款', '行政复议']);
  });
  it('ignores whitespace inside names', () => {
    expect(screenName('规划 编制')).toHaveLength(1);
  });
  it.each([
    ['对非法占用土地的处罚', true],
    ['对未按规定报送统计资料的处罚', true],
    ['取水许可', false],
  ])('isEnforcementName(%s) = %s', (name, expected) => {
    expect(isEnforcementName(name)).toBe(expected);
  });
});
