// Issue 11.5, loads once: an action on an application reads the body's list once, and the list of
// applications is a fixed number of queries whatever its length. The app's statements are counted
// through the harness's QueryLog (a Kysely plugin on the app's handle); seeding is not counted.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
beforeAll(async () => {
  t = await setupTestApp({ countQueries: true });
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('锅炉安装告知'),
    power('压力容器安装告知'),
    power('计量器具检定'),
  ]));
});
afterAll(() => t.close());

/** Statements that read a body's published powers (the list), as publish.ts's powersAt writes them. */
const listReads = (statements: string[]) => statements.filter((s) => /from "power"/.test(s) && /valid_from/.test(s));

describe('query budgets (issue 11.5)', () => {
  it('publishing an application reads the body’s list once and stays within 41 statements', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '调整“计量器具检定”的备注', kind: 'modify' }, [
      { targetCode: codes[2], values: { remarks: '按新修订的计量法实施' } },
    ]);
    await drive(t, id, 'publish');
    const coord = await t.login('coord.city');
    let res: Awaited<ReturnType<typeof coord.post>> | undefined;
    const statements = await t.queries!.during(async () => {
      res = await coord.post(`/api/adjustments/${id}/steps/publish/complete`, {});
    });
    const a = await expectOk(res!);
    expect(a.publishedVersion).toBeGreaterThan(1);
    console.info(`publish: ${statements.length} statements, ${listReads(statements).length} list reads`);
    if (process.env.SHOW_SQL) console.info(statements.map((s) => s.slice(0, 110)).join('\n'));
    expect(listReads(statements)).toHaveLength(1);
    expect(statements.filter((s) => /from "duty"/.test(s))).toHaveLength(1);
    // 47 before issue 11.5 (the list read three times, its duties twice, the items twice); 41 after:
    // the session and actor, the application and its records, one list, the version, audit rows,
    // inbox notices and the answer. A new query on this path has to be worth raising the budget for.
    expect(statements.length).toBeLessThanOrEqual(41);
  });

  it('listing 200 applications runs the same few statements as listing a few', async () => {
    const first = await draftApplication(t, 'clerk.scjg', { title: '新增“气瓶充装许可”', kind: 'add' }, []);
    const coord = await t.login('coord.city');
    const count = async () => {
      let res: Awaited<ReturnType<typeof coord.get>> | undefined;
      const statements = await t.queries!.during(async () => {
        res = await coord.get('/api/adjustments');
      });
      return { items: (await expectOk(res!)).items as { id: number; can: unknown[]; nextDue: unknown }[], statements };
    };
    const few = await count();
    expect(few.items.length).toBeGreaterThanOrEqual(2);

    // seed: copies of the open application until the list is 200 long (the list's page size)
    const cols = (
      await sql<{ column_name: string }>`select column_name from information_schema.columns
        where table_name = 'adjustment' and column_name <> 'id' order by ordinal_position`.execute(t.db)
    ).rows.map((r) => sql.ref(r.column_name));
    await sql`insert into adjustment (${sql.join(cols)})
      select ${sql.join(cols)} from adjustment, generate_series(1, ${200 - few.items.length}) where id = ${first}`.execute(
      t.db,
    );
    const many = await count();
    expect(many.items).toHaveLength(200);
    console.info(
      `GET /api/adjustments: ${few.items.length} rows ${few.statements.length} statements; 200 rows ${many.statements.length} statements`,
    );
    // about four per row before issue 11.5 (806 for 200 rows); now the session and actor, the
    // applications, the calendar, and every row's consultation and step records at once
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBeLessThanOrEqual(8);

    // the rows of the list say what the application's own page says
    const one = await expectOk(await coord.get(`/api/adjustments/${first}`));
    const row = many.items.find((i) => i.id === first)!;
    expect(row.can).toEqual(one.can);
    expect(row.nextDue).not.toBeNull();
  });
});
