// The floors of src/ and what each may import (issue 11, docs/ARCHITECTURE.md), and no ring of
// modules or folders importing one another. The rules are data (RULES below): those that hold
// today are enforced; a rule issue 11 asks for and the code does not meet yet is a `todo` test
// that says how many imports still break it — move it to `enforced` in the commit that makes it
// hold. Production files only: tests and their fixtures may reach anything to set a case up. The import graph comes from TypeScript's own pre-parser (imports,
// `export … from`, `import type` and dynamic `import()`), so the check needs no build.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** one import: from a file to a repository path without its extension (a relative specifier) or a package name */
interface Edge {
  from: string;
  to: string;
}

interface Rule {
  name: string;
  /** files the rule is about: repository paths starting with one of these */
  files: string[];
  /** what they may not import: repository path prefixes, or package names (`node:` = every builtin) */
  mayNotImport: string[];
  status: 'enforced' | 'todo';
  /** where the rule comes from / what makes it hold */
  why: string;
}

const SERVER_SIDE = ['src/server/', 'src/db/', 'src/modules/', 'src/core/', 'src/seed/', 'src/platform/', 'src/config'];
const IO_PACKAGES = [
  'node:',
  'pg',
  'pg-copy-streams',
  'kysely',
  '@electric-sql/pglite',
  'fastify',
  '@fastify/',
  'pino',
];

const RULES: Rule[] = [
  {
    name: 'src/core/ is pure: it imports no module, database, platform, server, seed or workspace code',
    files: ['src/core/'],
    mayNotImport: ['src/modules/', 'src/db/', 'src/platform/', 'src/server/', 'src/seed/', 'src/web/', 'src/config'],
    status: 'enforced',
    why: 'CONVENTIONS.md: the core is pure domain',
  },
  {
    name: 'src/core/ does no IO: no Node builtin, database or HTTP package',
    files: ['src/core/'],
    mayNotImport: IO_PACKAGES,
    status: 'enforced',
    why: 'CONVENTIONS.md: src/core has no IO',
  },
  {
    name: 'src/web/ imports nothing of the server side but src/contract/',
    files: ['src/web/'],
    mayNotImport: [...SERVER_SIDE, ...IO_PACKAGES],
    status: 'enforced',
    why: 'issue 11 acceptance: the workspace imports only src/contract of the server side',
  },
  {
    name: 'src/db/ imports no module, server, platform, seed, configuration or workspace code',
    files: ['src/db/'],
    mayNotImport: ['src/modules/', 'src/server/', 'src/platform/', 'src/web/', 'src/seed/', 'src/config'],
    status: 'enforced',
    why: 'the database floor sits under everything that uses it',
  },
  {
    name: 'src/seed/ imports nothing of src/ but the core',
    files: ['src/seed/'],
    mayNotImport: ['src/modules/', 'src/db/', 'src/server/', 'src/platform/', 'src/web/', 'src/config'],
    status: 'enforced',
    why: 'the demo-data generator reads reference files only (ARCHITECTURE.md)',
  },
  {
    name: 'src/platform/ imports no module, server or workspace code',
    files: ['src/platform/'],
    mayNotImport: ['src/modules/', 'src/server/', 'src/web/'],
    status: 'enforced',
    why: 'issue 11 item 2 / acceptance: no file under src/platform imports src/server',
  },
  {
    name: 'src/modules/ imports nothing from src/server/',
    files: ['src/modules/'],
    mayNotImport: ['src/server/'],
    status: 'enforced',
    why: 'issue 11 item 2 / acceptance: the HTTP plumbing and dependencies move to src/platform',
  },
  {
    name: 'src/server/ keeps only app.ts and main.ts, and nothing outside it imports src/server/',
    files: ['src/'],
    mayNotImport: ['src/server/'],
    status: 'enforced',
    why: 'issue 11 item 2: server/ keeps only app.ts and main.ts',
  },
];

const isTest = (p: string) => /\.test\.tsx?$/.test(p) || /(^|\/)test-[^/]*$/.test(p) || p.includes('/fixtures/');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every import of the production files under src/, as repository paths or package names. */
function importGraph(root = ROOT): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const from = relative(root, file).split('\\').join('/');
    if (isTest(from)) continue;
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const to = fileName.startsWith('.')
        ? relative(root, resolve(dirname(file), fileName))
            .split('\\')
            .join('/')
            .replace(/\.(js|mjs|ts|tsx)$/, '')
        : fileName;
      edges.push({ from, to });
    }
  }
  return edges;
}

const matches = (target: string, prefix: string) =>
  prefix.endsWith('/') || prefix.endsWith(':')
    ? target.startsWith(prefix) || target === prefix.slice(0, -1)
    : target === prefix || target.startsWith(`${prefix}/`);

/** The imports that break a rule (an import within the forbidden folder itself does not). */
function violations(edges: Edge[], rule: Rule): Edge[] {
  return edges.filter(
    (e) =>
      rule.files.some((f) => e.from.startsWith(f)) &&
      rule.mayNotImport.some((p) => matches(e.to, p) && !(p.endsWith('/') && e.from.startsWith(p))),
  );
}

/** Folders (a module each, and every other top folder of src/) that import one another in a ring. */
function folderCycles(edges: Edge[]): string[][] {
  const folder = (p: string) => {
    const [top, sub, name] = p.split('/');
    return top !== 'src'
      ? null
      : sub === 'modules' && name
        ? `modules/${name}`
        : (sub ?? '').replace(/\.(js|mjs|ts|tsx)$/, '');
  };
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = folder(e.from);
    const b = e.to.startsWith('src/') ? folder(e.to) : null;
    if (a && b && a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  // Tarjan's strongly connected components: each component of two or more folders is a ring
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const ring: string[] = [];
      let w: string;
      do ring.push((w = stack.pop()!));
      while (w !== v);
      if (ring.length > 1) out.push(ring.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

const edges = importGraph();
const show = (es: Edge[]) => es.map((e) => `${e.from} → ${e.to}`);

describe('architecture: what each floor of src/ may import (issue 11)', () => {
  it('reads the import graph (the server assembles the modules)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'src/server/app.ts', to: 'src/modules/accounts/auth.routes' });
  });

  for (const rule of RULES.filter((r) => r.status === 'enforced')) {
    it(rule.name, () => expect(show(violations(edges, rule)), rule.why).toEqual([]));
  }
  it('src/server/ holds only app.ts and main.ts (and their tests)', () => {
    const files = sourceFiles(join(ROOT, 'src/server')).map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(files.filter((f) => !isTest(f)).sort()).toEqual(['src/server/app.ts', 'src/server/main.ts']);
  });
  it('src/contract/ imports only zod and src/contract/ (the vocabulary sits below the core; issue 11.1)', () => {
    const contract = edges.filter((e) => e.from.startsWith('src/contract/'));
    expect(contract.length).toBeGreaterThan(0);
    expect(show(contract.filter((e) => e.to !== 'zod' && !e.to.startsWith('src/contract/')))).toEqual([]);
  });
  for (const rule of RULES.filter((r) => r.status === 'todo')) {
    it.todo(`${rule.name} — not yet: ${violations(edges, rule).length} imports today (issue 11)`);
  }
  // issue 11 item 3: the rulebook in force is its own module; the calendar and the portal are
  // handed their listeners and pages at assembly (src/server/app.ts) instead of importing them
  it('no import cycle between modules or folders', () => {
    expect(folderCycles(edges).map((r) => r.join(' ↔ '))).toEqual([]);
  });
});

describe('the checker itself', () => {
  const rule: Rule = {
    name: 't',
    files: ['src/core/'],
    mayNotImport: ['src/db/', 'node:', 'pg'],
    status: 'enforced',
    why: 't',
  };

  it('finds a forbidden folder, a builtin and a package, and lets the rest through', () => {
    const found = violations(
      [
        { from: 'src/core/a.ts', to: 'src/db/connect' },
        { from: 'src/core/a.ts', to: 'node:fs' },
        { from: 'src/core/a.ts', to: 'pg' },
        { from: 'src/core/a.ts', to: 'pg-copy-streams' },
        { from: 'src/core/a.ts', to: 'src/core/b' },
        { from: 'src/modules/x/a.ts', to: 'src/db/connect' },
      ],
      rule,
    );
    expect(show(found)).toEqual(['src/core/a.ts → src/db/connect', 'src/core/a.ts → node:fs', 'src/core/a.ts → pg']);
  });

  it('finds a ring of modules and not a one-way import', () => {
    const ring = folderCycles([
      { from: 'src/modules/portal/a.ts', to: 'src/modules/search/b.js' },
      { from: 'src/modules/search/b.ts', to: 'src/modules/portal/c.js' },
      { from: 'src/modules/search/b.ts', to: 'src/core/x.js' },
    ]);
    expect(ring).toEqual([['modules/portal', 'modules/search']]);
  });

  it('skips tests and fixtures when it reads the graph', () => {
    expect(edges.some((e) => /\.test\.tsx?$/.test(e.from) || e.from.includes('/fixtures/'))).toBe(false);
  });
});
