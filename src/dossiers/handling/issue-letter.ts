import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import type { Category } from '../../rules/index.ts';
import { brusselsDate } from '../../server/today.ts';
import type { DossierRow } from '../dossiers.repo.ts';
import type { DecisionLetterInput } from '../letters/decision-letter.ts';
import { letterEmployer } from '../letters/letter-employer.repo.ts';

/**
 * What every letter on a dossier shares (addressee, worker, category, legal frame, language), and
 * its storage: a letter is written in the same transaction as the decision it carries.
 */

export const LEGAL_FRAME: Record<Lang, string> = {
  nl: 'Besluit van de Vlaamse Regering van 7 december 2018',
  fr: 'Arrêté du Gouvernement flamand du 7 décembre 2018',
  en: 'Decree of the Flemish Government of 7 December 2018',
};

export type LetterParties = Pick<
  DecisionLetterInput,
  'lang' | 'generatedAt' | 'dossierNumber' | 'employer' | 'worker' | 'category' | 'legalFrame'
>;

/**
 * The moment a letter is dated: now, unless the decision it carries is dated another day (a
 * decision recorded afterwards, the demo's history); then that day, so that the letter's date and
 * the decision's agree.
 */
export function letterInstant(on: string | undefined, now = new Date()): Date {
  return !on || on === brusselsDate(now) ? now : new Date(`${on}T10:00:00Z`);
}

export async function letterParties(trx: Db, dossier: DossierRow, on?: string): Promise<LetterParties> {
  const lang = dossier.lang;
  const identity = dossier.worker_identity as { givenNames?: string; familyName?: string };
  const worker =
    (dossier.application as { worker?: { nationality?: string; birthDate?: string } }).worker ?? {};
  return {
    lang,
    generatedAt: letterInstant(on),
    dossierNumber: dossier.number ?? dossier.id,
    employer: await letterEmployer(trx, dossier.id, dossier.enterprise_number),
    worker: {
      givenNames: identity.givenNames ?? '',
      familyName: identity.familyName ?? '',
      nationality: worker.nationality ?? '',
      birthDate: worker.birthDate ?? '',
    },
    category: dossier.category as Category,
    legalFrame: LEGAL_FRAME[lang],
  };
}

export async function storeLetter(
  trx: Db,
  dossier: DossierRow,
  kind: 'DECISION' | 'APPEAL_DECISION' | 'REVOCATION',
  pdf: Buffer,
  generatedAt: Date,
): Promise<void> {
  await trx
    .insertInto('dossier_letters')
    .values({
      dossier_id: dossier.id,
      kind,
      lang: dossier.lang,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      created_at: generatedAt,
    })
    .execute();
}

export async function displayName(trx: Db, userId: string | null): Promise<string> {
  if (!userId) return '';
  const row = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? '';
}
