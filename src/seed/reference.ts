// Reading the reference data (data/reference/ in the repository, described in its README.md).
// The only IO of the seed: four JSON files, read once. Everything else is pure.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface RefTownship {
  code: string;
  name: string;
  type: string;
}
export interface RefRegion {
  code: string;
  name: string;
  kind: string;
  townships?: RefTownship[];
}
export interface RefBody {
  name: string;
  shortName: string;
  kind: string;
  group?: string;
  evidence: string[] | string;
  inferred: boolean;
  alsoNamed?: string[];
  note?: string;
}
export interface RefDistrict {
  region: string;
  name: string;
  departments: RefBody[];
}
export interface BaotouBodiesFile {
  regions: RefRegion[];
  cityBodies: RefBody[];
  districts: RefDistrict[];
}

export interface RefLegalBasis {
  law: string;
  lawKey?: string;
  article: string;
  keySentence: string | null;
  textVerified: boolean;
  inferred?: boolean;
}
export interface RefPower {
  name: string;
  category: string;
  categoryCode: string;
  category2023: string;
  legalBasis: RefLegalBasis[];
  note?: string;
}
export interface RefDepartment {
  key: string;
  name: string;
  shortName: string;
  powers: RefPower[];
}
export interface TypicalPowersFile {
  meta: { categories: Record<string, string> };
  departments: RefDepartment[];
}

export interface RefLaw {
  name: string;
  key: string;
  level: string;
  issuingBody: string | null;
  history: string[];
  latestVersionDate: string | null;
  effectiveDateInText: string | null;
  source: string | null;
  note?: string;
  inferred?: boolean;
}
export interface LawsFile {
  laws: RefLaw[];
}

export interface RefTemplate {
  category: string;
  code: string;
  steps: Array<{ order: number; name: string; content: string }>;
  accountabilityLead: string;
  accountabilityCases: string[];
  genericCasesInferred?: string[];
  accountabilityBasis: RefLegalBasis[];
}
export interface TemplatesFile {
  meta: { categoryOrder2023: string[]; categoryOrder2025: string[] };
  templates: RefTemplate[];
}

export interface ReferenceData {
  bodies: BaotouBodiesFile;
  powers: TypicalPowersFile;
  laws: LawsFile;
  templates: TemplatesFile;
}

/** data/reference/ in the repository: nothing at run, test or bench time reads outside the repository. */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
}

const cache = new Map<string, ReferenceData>();

/** Read (once per directory) the four reference files. */
export function loadReferenceData(baseDir: string = DEFAULT_REFERENCE_DIR): ReferenceData {
  const dir = path.resolve(baseDir);
  let data = cache.get(dir);
  if (!data) {
    data = {
      bodies: readJson(dir, 'baotou-bodies.json'),
      powers: readJson(dir, 'typical-powers.json'),
      laws: readJson(dir, 'laws.json'),
      templates: readJson(dir, 'responsibility-templates.json'),
    };
    cache.set(dir, data);
  }
  return data;
}
