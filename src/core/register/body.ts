// Regions (层级) and bodies (职权行使机构 and the offices of each level).
// Spec §1; regulation 第二条 (which bodies keep a list), 第四条 (协调小组办公室 at 市, 旗县区
// and 稀土高新区), 第五条 (法制机构: legality review). Shapes match the region/body tables.

// Region levels and office roles are contract vocabulary (src/contract/common.ts).
import type { OfficeRole, RegionLevel } from '../../contract/common.js';
export type { OfficeRole, RegionLevel } from '../../contract/common.js';

export interface Region {
  /** 6 digits for 市 and 旗县区 (e.g. 150203), 9 digits for a 苏木乡镇·街道. */
  code: string;
  name: string;
  /** 地级市, 市辖区, 旗, 县, 开发区, 街道, 镇, 乡, 苏木, 类似乡级单位. */
  kind: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Codes from the city down, '/'-joined. */
  path: string;
}

export interface Body {
  regionCode: string;
  /** 1–999, unique within the region; the 3-digit body number in power codes. */
  seq: number;
  name: string;
  shortName: string | null;
  /** 政府工作部门, 部门管理机构, 党委部门, 法律法规授权组织, 人民政府, 协调小组办公室 … */
  kind: string;
  office: OfficeRole | null;
  /** True when the body or its exact name was not found in a public source. */
  inferred: boolean;
  evidence: string[];
  note?: string;
}

/** A stable key for a body across systems: '{regionCode}-{seq 3 digits}', e.g. '150200-012'. */
export function bodyKey(body: Pick<Body, 'regionCode' | 'seq'>): string {
  return `${body.regionCode}-${String(body.seq).padStart(3, '0')}`;
}
