// npm run setup — the one-time setup of a production installation: the organisation from
// data/reference/ and the three administrators (sysadmin, secadmin, auditor), each with an
// initial password typed here (not echoed) or given as SETUP_SYSADMIN_PASSWORD,
// SETUP_SECADMIN_PASSWORD and SETUP_AUDITOR_PASSWORD. Each must change it at first sign-in.
// Run it against the database the server uses (stop the server first on the embedded one).
import { createInterface } from 'node:readline';
import { loadConfig } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { prepareAuditKey } from '../audit/startup.js';
import { SETUP_ACCOUNTS, hasAdministrators, setupAdministrators, type SetupPasswords } from './setup.js';

/** Reads one line without echoing it on a terminal. */
function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    const out = rl as unknown as { _writeToOutput?: (s: string) => void };
    process.stdout.write(prompt);
    if (process.stdin.isTTY) out._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

const config = loadConfig();
prepareAuditKey(config);
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(h.db);
  if (await hasAdministrators(h.db)) {
    console.error('管理员账户已经初始化，不能再次运行初始化。');
    process.exitCode = 2;
  } else {
    const passwords = {} as SetupPasswords;
    for (const a of SETUP_ACCOUNTS)
      passwords[a.username] =
        process.env[`SETUP_${a.username.toUpperCase()}_PASSWORD`] ??
        (await ask(`${a.displayName}（${a.username}）的初始密码：`));
    await setupAdministrators(h.db, passwords, new Date());
    console.log(
      `已创建三员管理员账户：${SETUP_ACCOUNTS.map((a) => `${a.username}（${a.displayName}）`).join('、')}。各自首次登录时须修改初始密码。`,
    );
  }
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  console.error(`初始化未完成：${(err.details ?? [{ message: err.message }]).map((d) => d.message).join('；')}`);
  process.exitCode = 1;
} finally {
  await h.close();
}
