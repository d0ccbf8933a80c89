// What the command-line checks print (npm run integrity:check, npm run sweep with INTEGRITY_URL),
// and their exit code: 0 consistent, 1 a mismatch (the portal is now closed).
import { MISMATCH_LABELS } from '../../contract/integrity.js';
import type { runIntegrityCheck } from './monitor.js';

export function reportCheck(c: Awaited<ReturnType<typeof runIntegrityCheck>>, where: string) {
  if (!c.served) console.log('注意：网站处于关闭状态，仅比对了清单数据与公布摘要。');
  if (c.ok) {
    console.log(
      `网站完整性：一致。${c.bodies} 个机构的现行清单，读取 ${where} ${c.resources} 个页面和文件，用时 ${c.durationMs} 毫秒。`,
    );
    return;
  }
  console.error(
    `网站完整性：发现 ${c.mismatches.length} 处不一致${c.closedNow ? '，网站已关闭' : '（网站此前已关闭）'}：`,
  );
  for (const m of c.mismatches.slice(0, 50))
    console.error(
      `  ${m.bodyName ?? ''} 第${m.version ?? '—'}版 ${MISMATCH_LABELS[m.kind]} ${m.path ?? ''} 应为 ${m.expected ?? '—'} 实为 ${m.found ?? '—'}`,
    );
  process.exitCode = 1;
}
