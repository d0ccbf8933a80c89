// The process the crash test kills (issue 15.3): publishes one body's list again and again, each
// version changing a tenth of its rows, through the register's own publishVersion (rows closed
// and inserted, version row, audit event, one transaction), until it is killed with SIGKILL.
// Prints one line per committed version.
import { DEFAULT_RULEBOOK_ID } from '../../src/core/rulebook/index.js';
import { connect } from '../../src/db/connect.js';
import { loadCurrentList, publishVersion } from '../../src/modules/register/publish.js';

const [kind, where, bodyArg] = process.argv.slice(2);
const bodyId = Number(bodyArg);
const handle = await connect(kind === 'postgres' ? { databaseUrl: where! } : { dataDir: where! });
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  await handle.db.transaction().execute(async (trx) => {
    const cur = await loadCurrentList(trx, bodyId);
    const salt = Math.floor(Math.random() * 10);
    const powers = cur.powers.map((p, i) =>
      i % 10 === salt ? { ...p, remarks: `第${cur.version}版后调整（${n}）` } : p,
    );
    const r = await publishVersion(trx, {
      bodyId,
      powers,
      source: { type: 'adjustment', id: 0 },
      rulebookId: DEFAULT_RULEBOOK_ID,
      actor: null,
      at: new Date(),
      note: '可靠性测试：发布中途强制终止',
    });
    process.stdout.write(`published ${r.version}\n`);
  });
}
