import type { Role } from '../auth/roles.ts';
import { countUsers, createUser } from '../auth/users.repo.ts';
import type { Db } from '../db/client.ts';
import { loadDemoTalent } from '../talent/demo-talent.ts';

/**
 * Demo accounts with a known password. Display names are people's names only: a role title in them
 * ("Teamleider Sofie") would be Dutch on every French and English page; the header names the role
 * beside the name, in the page's language. Loaded only on an empty embedded database, or on request
 * (LOKET_DEMO=1): known passwords must never reach a real deployment.
 */
export const DEMO_PASSWORD = 'loket-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  enterpriseNumber?: string;
  email?: string;
}> = [
  {
    username: 'werkgever',
    displayName: 'An Peeters (Bakkerij Peeters bv)',
    role: 'EMPLOYER',
    enterpriseNumber: '0403170701',
    // A reserved example domain: demo mails wait in the outbox, and would never reach anyone.
    email: 'an.peeters@bakkerij-peeters.example',
  },
  { username: 'behandelaar', displayName: 'Jonas Claes', role: 'CASE_HANDLER' },
  { username: 'teamleider', displayName: 'Sofie Maes', role: 'SUPERVISOR' },
  { username: 'inspecteur', displayName: 'Karim El Idrissi', role: 'INSPECTOR' },
  { username: 'analist', displayName: 'Lotte Wouters', role: 'ANALYST' },
  { username: 'beheerder', displayName: 'Ruben Janssens', role: 'ADMIN' },
  // A second administrator: a change of the rule data needs one person to propose, another to approve.
  { username: 'beheerder2', displayName: 'Mira Dewulf', role: 'ADMIN' },
  { username: 'partner', displayName: 'Mina Aydın (Welkom Werk vzw)', role: 'PARTNER' },
];

/** Loads the demo accounts when there are no users yet; returns whether it did. */
export async function loadDemoData(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return false;
    const ids = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await createUser(trx, { ...account, password: DEMO_PASSWORD });
      ids.set(account.username, user.id);
      // The demo employer's own enterprise, by name, so letters and screens can address it.
      if (account.enterpriseNumber) {
        await trx
          .insertInto('employer_mandates')
          .values({
            user_id: user.id,
            enterprise_number: account.enterpriseNumber,
            enterprise_name: 'Bakkerij Peeters bv',
          })
          .execute();
      }
    }
    await loadDemoTalent(trx, {
      partnerUserId: ids.get('partner') as string,
      employerUserId: ids.get('werkgever') as string,
      enterpriseNumber: '0403170701',
    });
    return true;
  });
}
