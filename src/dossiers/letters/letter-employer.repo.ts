import type { Db } from '../../db/client.ts';
import type { LetterEmployer, PostalAddress } from './letter-addressee.ts';

/**
 * The employer as a letter addresses it: the registered name and address from the enterprise
 * register (KBO) as the dossier's register check stored them, else the name of the employer's
 * mandate, else only the enterprise number.
 */
export async function letterEmployer(
  db: Db,
  dossierId: string,
  enterpriseNumber: string,
): Promise<LetterEmployer> {
  const [mandate, kbo] = await Promise.all([
    db
      .selectFrom('employer_mandates')
      .select('enterprise_name')
      .where('enterprise_number', '=', enterpriseNumber)
      .where('enterprise_name', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('register_facts')
      .select('value')
      .where('dossier_id', '=', dossierId)
      .where('source', '=', 'kbo')
      .where('is_found', '=', true)
      .executeTakeFirst(),
  ]);
  const enterprise = kbo?.value as { name?: string; registeredAddress?: PostalAddress } | undefined;
  return {
    enterpriseNumber,
    name: enterprise?.name?.trim() || mandate?.enterprise_name || null,
    address: enterprise?.registeredAddress ?? null,
  };
}
