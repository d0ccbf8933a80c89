// The demo data set: Baotou's regions and bodies, demo accounts for every role.
import { buildDemoData } from '../../seed/demo.js';
import type { Database } from '../../db/connect.js';
import { loadOrganisation } from '../bodies/organisation.js';
import { loadDemoRegister } from './register.seed.js';
import { loadDemoUsers } from './users.seed.js';
import { loadDemoSupervision, SUPERVISION_ACCOUNTS } from '../supervision/supervision.seed.js';
import { loadDemoDelegation } from '../delegation/delegation.seed.js';
import { ENTRUSTMENT_ACCOUNTS, loadDemoEntrustment } from '../delegation/entrustment.seed.js';
import { loadDemoFeedback } from '../feedback/feedback.seed.js';
import { loadDemoExercise } from '../exercise/exercise.seed.js';

export async function seedDemo(db: Database) {
  const data = buildDemoData();
  await loadOrganisation(db, data.regions, data.bodies);
  await loadDemoUsers(db);
  await loadDemoRegister(db, data);
  await loadDemoUsers(db, SUPERVISION_ACCOUNTS);
  await loadDemoSupervision(db);
  await loadDemoDelegation(db);
  await loadDemoUsers(db, ENTRUSTMENT_ACCOUNTS);
  await loadDemoEntrustment(db);
  await loadDemoFeedback(db);
  await loadDemoExercise(db);
  return data;
}

export async function isEmpty(db: Database) {
  return !(await db.selectFrom('region').select('code').limit(1).executeTakeFirst());
}
