// Open data formats of a published list (spec §7): JSON whose powers hash back to the
// version's SM3 digest, and CSV with the 职权信息表 columns for Excel.
import { neutralise } from '../../core/formula-text.js';
import type { PublishedPower } from '../register/power-rows.js';
import { categoriesOf, categoryLabel, LEVEL_LABEL, statusLabel } from './labels.js';
import type { BodyInfo, VersionInfo } from './portal.repo.js';

/**
 * A power as published, without storage ids: SM3 over canonicalListJson(powers) of the
 * download equals the version's digest, so anyone can check the file.
 */
export function publicPower(p: PublishedPower) {
  const { id: _id, parentId: _p, links, ...rest } = p as PublishedPower & { parentId?: unknown };
  return links?.length ? { ...rest, links } : rest;
}

/** A body's versions as both open-data APIs list them (/api/public/… and /api/public/v1/…), linked under base. */
export function versionItems(base: string, versions: VersionInfo[]) {
  return versions.map((v) => ({
    version: v.version,
    publishedAt: new Date(v.publishedAt).toISOString(),
    effectiveDate: v.effectiveDate,
    digest: v.digest,
    powerCount: v.powerCount,
    source: { type: v.sourceType, id: v.sourceId },
    json: `${base}/list.json?version=${v.version}`,
    csv: `${base}/list.csv?version=${v.version}`,
  }));
}

export function listJson(
  body: BodyInfo,
  v: VersionInfo,
  powers: PublishedPower[],
  duties: { name: string; content: string }[],
) {
  return {
    body: {
      id: body.id,
      name: body.name,
      kind: body.kind,
      region: {
        code: body.regionCode,
        name: body.regionName,
        level: body.regionLevel,
        levelLabel: LEVEL_LABEL[body.regionLevel] ?? '',
      },
    },
    version: v.version,
    publishedAt: new Date(v.publishedAt).toISOString(),
    effectiveDate: v.effectiveDate,
    digest: v.digest,
    digestAlgorithm: 'SM3' as const,
    source: { type: v.sourceType, id: v.sourceId },
    rulebook: v.rulebookId,
    categories: Object.fromEntries(categoriesOf(v.rulebookId).map((c) => [c.code, c.label])),
    powerCount: powers.length,
    duties: duties.map((d) => ({ name: d.name, content: d.content })),
    powers: powers.map(publicPower),
  };
}

export const CSV_HEADER = [
  '序号',
  '权力编码',
  '主项编码',
  '行政职权名称',
  '权力类别',
  '责任主体',
  '实施机构',
  '法定依据',
  '责任事项',
  '追责情形',
  '追责依据',
  '备注',
  '状态',
];

export function csvCell(value: string | number): string {
  const s = neutralise(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function listCsv(v: VersionInfo, powers: PublishedPower[]): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  powers.forEach((p, i) =>
    lines.push(
      csvCells(v.rulebookId, p, i + 1)
        .map(csvCell)
        .join(','),
    ),
  );
  // BOM: Excel opens UTF-8 CSV correctly only with it
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One power's CSV_HEADER cells (unescaped); also the bulk downloads' columns (modules/open-data). */
export function csvCells(rulebookId: string, p: PublishedPower, seq: number): (string | number)[] {
  return [
    seq,
    p.code,
    p.parentCode ?? '',
    p.name,
    categoryLabel(p.category, rulebookId),
    p.responsibleSubject,
    p.implementingAgency,
    p.legalBases.map((b) => `${b.documentName}（${b.level}）${b.article}${b.text ? `：${b.text}` : ''}`).join('\n'),
    [...p.responsibilities]
      .sort((a, b) => a.order - b.order)
      .map((r, k) => `${k + 1}. ${r.name}${r.content ? `：${r.content}` : ''}`)
      .join('\n'),
    p.accountabilityCases.map((c, k) => `${k + 1}. ${c}`).join('\n'),
    p.accountabilityBasis,
    p.remarks,
    statusLabel(p.status),
  ];
}
