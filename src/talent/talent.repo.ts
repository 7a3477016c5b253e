import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { TalentCandidatesTable, TalentVacanciesTable } from '../db/schema.ts';
import type {
  CandidateForMatching,
  Circle,
  LanguageSkill,
  Pool,
  Recognition,
  VacancyForMatching,
  WorkAccess,
} from './talent-model.ts';

/** SQL of the talent pools (migration 0020). Callers decide who may see what; this file only reads and writes. */

// An array bound as a parameter would become a PostgreSQL array: bind JSON text, cast.
const jsonb = (value: unknown) => sql<never>`${JSON.stringify(value)}::jsonb`;

export interface Partner {
  id: string;
  name: string;
  /** The groups of candidates it may record (migration 0040; all of them before). */
  pools: Pool[];
  /** The longest its candidates' data may be kept after consent. */
  retentionMonths: number;
  /** False once an administrator deactivated it: its accounts record no new candidate. */
  active: boolean;
}

export interface Vacancy extends VacancyForMatching {
  enterpriseNumber: string;
  title: string;
  positions: number;
  grossAnnualSalary: number | null;
  onVdabShortageList: boolean | null;
  status: 'OPEN' | 'FILLED' | 'WITHDRAWN';
  source: 'LOKET' | 'VDAB' | 'EURES';
  /** The register's own id of an imported vacancy (VDAB, EURES); null for one recorded in Loket. */
  sourceReference: string | null;
  /** Until when the register publishes it (imported vacancies). */
  publishedUntil: string | null;
  createdAt: string;
}

export interface Candidate extends CandidateForMatching {
  partnerId: string;
  partnerName: string;
  reference: string;
  pool: Pool;
  naricReference: string | null;
  consentPurpose: 'SHORTAGE_MATCHING';
  consentGivenOn: string;
  consentShowEmployers: boolean;
  retentionUntil: string;
  createdAt: string;
}

export type NewVacancy = Omit<
  Vacancy,
  'id' | 'status' | 'source' | 'sourceReference' | 'publishedUntil' | 'createdAt'
> & {
  createdBy: string;
  searchText: string;
  idempotencyKey: string | null;
};

export type NewCandidate = Omit<Candidate, 'id' | 'partnerName' | 'createdAt'> & { createdBy: string };

export async function partnerOfUser(db: Db, userId: string): Promise<Partner | null> {
  const row = await db
    .selectFrom('talent_partner_members as m')
    .innerJoin('talent_partners as p', 'p.id', 'm.partner_id')
    .select(['p.id', 'p.name', 'p.pools', 'p.retention_months', 'p.deactivated_at'])
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        pools: row.pools as Pool[],
        retentionMonths: row.retention_months,
        active: row.deactivated_at === null,
      }
    : null;
}

/** The partner of that name, made when missing (demo data and tests). */
export async function ensurePartner(db: Db, name: string): Promise<Pick<Partner, 'id' | 'name'>> {
  await db
    .insertInto('talent_partners')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return db
    .selectFrom('talent_partners')
    .select(['id', 'name'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
}

export async function addPartnerMember(db: Db, userId: string, partnerId: string): Promise<void> {
  await db
    .insertInto('talent_partner_members')
    .values({ user_id: userId, partner_id: partnerId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ partner_id: partnerId }))
    .execute();
}

type VacancyRow = Pick<
  TalentVacanciesTable,
  | 'enterprise_number'
  | 'occupation_id'
  | 'isco_code'
  | 'title'
  | 'postal_code'
  | 'required_vks'
  | 'start_date'
  | 'on_vdab_shortage_list'
> & {
  source_reference: string | null;
  published_until: string | null;
  id: string;
  languages: unknown;
  positions: number;
  gross_annual_salary: string | null;
  status: 'OPEN' | 'FILLED' | 'WITHDRAWN';
  source: 'LOKET' | 'VDAB' | 'EURES';
  created_at: Date;
};

const VACANCY_COLUMNS = [
  'id',
  'enterprise_number',
  'occupation_id',
  'isco_code',
  'title',
  'postal_code',
  'required_vks',
  'languages',
  'start_date',
  'positions',
  'gross_annual_salary',
  'on_vdab_shortage_list',
  'status',
  'source',
  'source_reference',
  'published_until',
  'created_at',
] as const;

function toVacancy(row: VacancyRow): Vacancy {
  return {
    id: row.id,
    enterpriseNumber: row.enterprise_number,
    occupationId: row.occupation_id,
    iscoCode: row.isco_code,
    title: row.title,
    postalCode: row.postal_code,
    requiredVks: row.required_vks,
    languages: row.languages as LanguageSkill[],
    startDate: row.start_date,
    positions: row.positions,
    grossAnnualSalary: row.gross_annual_salary === null ? null : Number(row.gross_annual_salary),
    onVdabShortageList: row.on_vdab_shortage_list,
    status: row.status,
    source: row.source,
    sourceReference: row.source_reference,
    publishedUntil: row.published_until,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertVacancy(db: Db, vacancy: NewVacancy): Promise<Vacancy> {
  const row = await db
    .insertInto('talent_vacancies')
    .values({
      enterprise_number: vacancy.enterpriseNumber,
      created_by: vacancy.createdBy,
      occupation_id: vacancy.occupationId,
      isco_code: vacancy.iscoCode,
      title: vacancy.title,
      postal_code: vacancy.postalCode,
      required_vks: vacancy.requiredVks,
      languages: jsonb(vacancy.languages),
      start_date: vacancy.startDate,
      positions: vacancy.positions,
      gross_annual_salary: vacancy.grossAnnualSalary,
      on_vdab_shortage_list: vacancy.onVdabShortageList,
      search_text: vacancy.searchText,
      idempotency_key: vacancy.idempotencyKey,
    })
    .returning(VACANCY_COLUMNS)
    .executeTakeFirstOrThrow();
  return toVacancy(row);
}

/** The vacancy a user already made with this Idempotency-Key, if any. */
export async function findVacancyByIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
): Promise<Vacancy | null> {
  const row = await db
    .selectFrom('talent_vacancies')
    .select(VACANCY_COLUMNS)
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? toVacancy(row) : null;
}

export async function findVacancy(db: Db, id: string): Promise<Vacancy | null> {
  const row = await db
    .selectFrom('talent_vacancies')
    .select(VACANCY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toVacancy(row) : null;
}

/**
 * Vacancies, newest first: one enterprise's, or (enterprise null) every open one; `query` searches
 * the occupation's labels in nl/fr/en and the title by trigram similarity of whole words.
 */
export async function listVacancies(
  db: Db,
  filter: { enterpriseNumber: string | null; query: string | null; limit: number },
): Promise<Vacancy[]> {
  let select = db.selectFrom('talent_vacancies').select(VACANCY_COLUMNS);
  if (filter.enterpriseNumber !== null)
    select = select.where('enterprise_number', '=', filter.enterpriseNumber);
  else select = select.where('status', '=', 'OPEN');
  if (filter.query) select = select.where(sql<boolean>`${filter.query} <% search_text`);
  const rows = await select.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map(toVacancy);
}

/** Open vacancies whose ISCO minor group is one of `minors` (the GIN-free partial index on isco_minor). */
export async function openVacanciesInMinorGroups(db: Db, minors: readonly string[]): Promise<Vacancy[]> {
  if (minors.length === 0) return [];
  const rows = await db
    .selectFrom('talent_vacancies')
    .select(VACANCY_COLUMNS)
    .where('status', '=', 'OPEN')
    .where('isco_minor', 'in', [...minors])
    .execute();
  return rows.map(toVacancy);
}

export async function setVacancyStatus(
  db: Db,
  id: string,
  status: 'OPEN' | 'FILLED' | 'WITHDRAWN',
): Promise<void> {
  await db
    .updateTable('talent_vacancies')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export type CandidateRow = Omit<
  TalentCandidatesTable,
  'id' | 'created_at' | 'updated_at' | 'created_by' | 'isco_minors' | 'languages'
> & { id: string; created_at: Date; languages: unknown; partner_name: string };

export const CANDIDATE_COLUMNS = [
  'c.id',
  'c.partner_id',
  'p.name as partner_name',
  'c.reference',
  'c.pool',
  'c.occupation_ids',
  'c.isco_codes',
  'c.education_vks',
  'c.languages',
  'c.circle',
  'c.postal_code',
  'c.nationality',
  'c.work_access',
  'c.available_from',
  'c.recognition_status',
  'c.naric_reference',
  'c.consent_purpose',
  'c.consent_given_on',
  'c.consent_show_employers',
  'c.retention_until',
  'c.created_at',
] as const;

export function toCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    reference: row.reference,
    pool: row.pool,
    occupationIds: row.occupation_ids,
    iscoCodes: row.isco_codes,
    educationVks: row.education_vks,
    languages: row.languages as LanguageSkill[],
    circle: row.circle as Circle,
    postalCode: row.postal_code,
    nationality: row.nationality,
    workAccess: row.work_access as WorkAccess,
    availableFrom: row.available_from,
    recognition: row.recognition_status as Recognition,
    naricReference: row.naric_reference,
    consentPurpose: row.consent_purpose,
    consentGivenOn: row.consent_given_on,
    consentShowEmployers: row.consent_show_employers,
    retentionUntil: row.retention_until,
    createdAt: row.created_at.toISOString(),
  };
}

export const candidates = (db: Db) =>
  db.selectFrom('talent_candidates as c').innerJoin('talent_partners as p', 'p.id', 'c.partner_id');

/** Thrown by insertCandidate when the partner already has a candidate under that reference. */
export class DuplicateReferenceError extends Error {}

/** Whether the partner already keeps a candidate under this reference (checked with the rest of the form). */
export async function referenceTaken(db: Db, partnerId: string, reference: string): Promise<boolean> {
  const row = await db
    .selectFrom('talent_candidates')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCandidate(db: Db, candidate: NewCandidate): Promise<string> {
  const row = await db
    .insertInto('talent_candidates')
    .values({
      partner_id: candidate.partnerId,
      reference: candidate.reference,
      pool: candidate.pool,
      occupation_ids: [...candidate.occupationIds],
      isco_codes: [...candidate.iscoCodes],
      isco_minors: [...new Set(candidate.iscoCodes.map((code) => code.slice(0, 3)))],
      education_vks: candidate.educationVks,
      languages: jsonb(candidate.languages),
      circle: candidate.circle,
      postal_code: candidate.postalCode,
      nationality: candidate.nationality,
      work_access: candidate.workAccess,
      available_from: candidate.availableFrom,
      recognition_status: candidate.recognition,
      naric_reference: candidate.naricReference,
      consent_purpose: candidate.consentPurpose,
      consent_given_on: candidate.consentGivenOn,
      consent_show_employers: candidate.consentShowEmployers,
      retention_until: candidate.retentionUntil,
      created_by: candidate.createdBy,
    })
    .onConflict((oc) => oc.constraint('talent_candidates_reference_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new DuplicateReferenceError();
  return row.id;
}

export async function findCandidate(db: Db, id: string): Promise<Candidate | null> {
  const row = await candidates(db).select(CANDIDATE_COLUMNS).where('c.id', '=', id).executeTakeFirst();
  return row ? toCandidate(row) : null;
}

export async function listPartnerCandidates(db: Db, partnerId: string): Promise<Candidate[]> {
  const rows = await candidates(db)
    .select(CANDIDATE_COLUMNS)
    .where('c.partner_id', '=', partnerId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map(toCandidate);
}

/**
 * Candidates who may be shown to employers and whose occupations share the ISCO minor group
 * (GIN index on isco_minors). Past their retention date they are no longer shown, even before the
 * nightly erasure has run.
 */
export async function shownCandidatesInMinorGroup(
  db: Db,
  minor: string,
  today: string,
): Promise<Candidate[]> {
  const rows = await candidates(db)
    .select(CANDIDATE_COLUMNS)
    .where(sql<boolean>`c.isco_minors @> array[${minor}]::text[]`)
    .where('c.consent_show_employers', '=', true)
    .where('c.retention_until', '>=', today)
    .execute();
  return rows.map(toCandidate);
}

export async function setCandidateConsent(
  db: Db,
  id: string,
  change: { consentShowEmployers: boolean },
): Promise<void> {
  await db
    .updateTable('talent_candidates')
    .set({ consent_show_employers: change.consentShowEmployers, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Deletes the candidate's row: nothing of the person is kept (the audit trail notes that it happened). */
export async function deleteCandidate(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('talent_candidates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes every candidate past the retention date; returns the ids and partners, for the audit trail. */
export async function deleteExpiredCandidates(
  db: Db,
  today: string,
): Promise<{ id: string; partner_id: string }[]> {
  return db
    .deleteFrom('talent_candidates')
    .where('retention_until', '<', today)
    .returning(['id', 'partner_id'])
    .execute();
}
