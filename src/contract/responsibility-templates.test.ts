// The editor's templates are the reference's (data/reference/responsibility-templates.json), each
// citation written as the seed writes it (src/seed/templates.ts): a basis without its text is
// the law and article alone. 行政检查 takes the general cases, without the 社会救助 basis and example.
import { expect, it } from 'vitest';
import { loadReferenceData } from '../seed/reference.js';
import { RESPONSIBILITY_TEMPLATES } from './responsibility-templates.js';

it('each template equals the reference data of its category', () => {
  const ref = loadReferenceData().templates.templates;
  expect(Object.keys(RESPONSIBILITY_TEMPLATES).sort()).toEqual(ref.map((t) => t.code).sort());
  for (const t of ref) {
    const jc = t.code === 'JC';
    const bases = t.accountabilityBasis.filter((b) => !(jc && b.law.includes('社会救助')));
    expect(RESPONSIBILITY_TEMPLATES[t.code], t.code).toEqual({
      // 行政检查 without its 社会救助 example (“（来源示例：…）”)
      steps: t.steps.map((s) => ({
        name: s.name,
        content: jc ? s.content.replace(/（来源示例：[^）]*）/, '') : s.content,
      })),
      cases: jc && t.genericCasesInferred ? t.genericCasesInferred : t.accountabilityCases,
      basis: bases.map((b) => `${b.law}${b.article}${b.keySentence ? `：${b.keySentence}` : ''}`).join('\n'),
    });
  }
});
