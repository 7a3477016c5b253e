import type { Db } from '../db/client.ts';
import { findOccupation } from '../occupations/occupation-catalogue.ts';
import { addMonths } from '../rules/dates/iso-date.ts';
import { brusselsDate } from '../server/today.ts';
import { loadDemoCare, loadDemoCareFiles } from './care/demo-care.ts';
import { DEMO_OCCUPATIONS } from './demo-occupations.ts';
import { loadDemoPilots } from './pilots/demo-pilots.ts';
import {
  addPartnerMember,
  ensurePartner,
  insertCandidate,
  insertVacancy,
  type NewCandidate,
} from './talent.repo.ts';
import { vacancySearchText } from './talent-input.ts';
import type { LanguageSkill } from './talent-model.ts';

/**
 * Demo talent pools: two partner organisations (fictitious, marked "demo"), a handful of candidates
 * in every circle and pool, and one shortage vacancy of the demo employer. Loaded with the demo
 * accounts, on an empty database only.
 */
export const DEMO_PARTNERS = { own: 'Welkom Werk vzw (demo)', other: 'Tweede Kans vzw (demo)' } as const;

export { DEMO_OCCUPATIONS };

const isco = (id: string) => findOccupation(id)?.iscoCode as string;
const speaks = (...pairs: [LanguageSkill['lang'], LanguageSkill['level']][]): LanguageSkill[] =>
  pairs.map(([lang, level]) => ({ lang, level }));

type DemoCandidate = Omit<
  NewCandidate,
  | 'partnerId'
  | 'createdBy'
  | 'iscoCodes'
  | 'consentPurpose'
  | 'consentGivenOn'
  | 'retentionUntil'
  | 'availableFrom'
> & { partner: keyof typeof DEMO_PARTNERS; availableInDays: number };

const CANDIDATES: DemoCandidate[] = [
  {
    partner: 'own',
    reference: 'WW-2026-001',
    pool: 'REFUGEE',
    occupationIds: [DEMO_OCCUPATIONS.healthcareAssistant],
    educationVks: 3,
    languages: speaks(['nl', 'B1'], ['ar', 'C2']),
    circle: 'BELGIUM',
    postalCode: '2000',
    nationality: 'SY',
    workAccess: 'FREE',
    availableInDays: 0,
    recognition: 'PENDING',
    naricReference: null,
    consentShowEmployers: true,
  },
  {
    partner: 'own',
    reference: 'WW-2026-002',
    pool: 'LOCAL_JOBSEEKER',
    occupationIds: [DEMO_OCCUPATIONS.electrician],
    educationVks: 4,
    languages: speaks(['nl', 'C2'], ['en', 'B1']),
    circle: 'BELGIUM',
    postalCode: '2060',
    nationality: 'BE',
    workAccess: 'FREE',
    availableInDays: 7,
    recognition: 'NOT_APPLICABLE',
    naricReference: null,
    consentShowEmployers: true,
  },
  {
    partner: 'own',
    reference: 'WW-2026-003',
    pool: 'ASYLUM_SEEKER',
    occupationIds: [DEMO_OCCUPATIONS.bricklayer],
    educationVks: 3,
    languages: speaks(['nl', 'A2'], ['fa', 'C2']),
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'AF',
    workAccess: 'ASYLUM_WORK_ALLOWED',
    availableInDays: 0,
    recognition: 'NOT_APPLICABLE',
    naricReference: null,
    // Not yet agreed to be shown: the partner sees them, employers do not.
    consentShowEmployers: false,
  },
  {
    partner: 'other',
    reference: 'TK-101',
    pool: 'PILOT_PARTICIPANT',
    occupationIds: [DEMO_OCCUPATIONS.nurseAssistant],
    educationVks: 4,
    languages: speaks(['nl', 'A2'], ['fr', 'B2'], ['ar', 'C2']),
    circle: 'THIRD_COUNTRY',
    postalCode: null,
    nationality: 'MA',
    workAccess: 'PERMIT_NEEDED',
    availableInDays: 60,
    recognition: 'PENDING',
    naricReference: 'NARIC-DEMO-0101',
    consentShowEmployers: true,
  },
  {
    partner: 'other',
    reference: 'TK-102',
    pool: 'CARE_RECOGNITION',
    occupationIds: [DEMO_OCCUPATIONS.generalNurse],
    educationVks: 6,
    languages: speaks(['en', 'C1'], ['nl', 'A2']),
    circle: 'EU',
    postalCode: null,
    nationality: 'RO',
    workAccess: 'FREE',
    availableInDays: 30,
    recognition: 'RECOGNISED',
    naricReference: 'NARIC-DEMO-0102',
    consentShowEmployers: true,
  },
  {
    partner: 'other',
    reference: 'TK-103',
    pool: 'PILOT_PARTICIPANT',
    occupationIds: [DEMO_OCCUPATIONS.softwareDeveloper],
    educationVks: 7,
    languages: speaks(['en', 'C1']),
    circle: 'THIRD_COUNTRY',
    postalCode: null,
    nationality: 'NG',
    workAccess: 'PERMIT_NEEDED',
    availableInDays: 90,
    recognition: 'NOT_APPLICABLE',
    naricReference: null,
    consentShowEmployers: true,
  },
  {
    partner: 'own',
    reference: 'WW-2026-004',
    pool: 'CARE_RECOGNITION',
    occupationIds: [DEMO_OCCUPATIONS.generalNurse],
    educationVks: 6,
    languages: speaks(['nl', 'B1'], ['en', 'C1']),
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'IN',
    workAccess: 'FREE',
    availableInDays: 14,
    recognition: 'PENDING',
    naricReference: 'NARIC-DEMO-0004',
    consentShowEmployers: true,
  },
];

export async function loadDemoTalent(
  db: Db,
  accounts: { partnerUserId: string; employerUserId: string; enterpriseNumber: string },
  now = new Date(),
): Promise<void> {
  const today = brusselsDate(now);
  const plusDays = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const own = await ensurePartner(db, DEMO_PARTNERS.own);
  const other = await ensurePartner(db, DEMO_PARTNERS.other);
  await addPartnerMember(db, accounts.partnerUserId, own.id);
  await loadDemoPilots(db, own.id);
  for (const { partner, availableInDays, ...candidate } of CANDIDATES) {
    const consentGivenOn = plusDays(-10);
    await insertCandidate(db, {
      ...candidate,
      partnerId: partner === 'own' ? own.id : other.id,
      createdBy: accounts.partnerUserId,
      iscoCodes: candidate.occupationIds.map(isco),
      availableFrom: plusDays(availableInDays),
      consentPurpose: 'SHORTAGE_MATCHING',
      consentGivenOn,
      retentionUntil: addMonths(consentGivenOn, 12),
    });
  }
  await loadCareDemo(db, { own: own.id, other: other.id, userId: accounts.partnerUserId, today });
  const title = 'Onderhoudselektricien ovens en koelinstallaties';
  await insertVacancy(db, {
    enterpriseNumber: accounts.enterpriseNumber,
    createdBy: accounts.employerUserId,
    occupationId: DEMO_OCCUPATIONS.electrician,
    iscoCode: isco(DEMO_OCCUPATIONS.electrician),
    title,
    postalCode: '2000',
    requiredVks: 4,
    languages: speaks(['nl', 'B1']),
    startDate: plusDays(30),
    positions: 1,
    grossAnnualSalary: 42_000,
    onVdabShortageList: true,
    searchText: vacancySearchText(DEMO_OCCUPATIONS.electrician, title),
    idempotencyKey: null,
  });
}

/** The recognition files of the named demo candidates, then the care pipeline's demo bulk. */
async function loadCareDemo(
  db: Db,
  ids: { own: string; other: string; userId: string; today: string },
): Promise<void> {
  const rows = await db
    .selectFrom('talent_candidates')
    .select(['id', 'reference', 'partner_id'])
    .where('reference', 'in', ['WW-2026-001', 'WW-2026-004', 'TK-101', 'TK-102'])
    .execute();
  const id = (reference: string) => rows.find((row) => row.reference === reference) as (typeof rows)[number];
  const ago = (days: number) =>
    new Date(Date.parse(`${ids.today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const file = (reference: string, naricReference: string) => ({
    candidateId: id(reference).id,
    partnerId: id(reference).partner_id,
    naricReference,
  });
  await loadDemoCareFiles(
    db,
    [
      {
        ...file('WW-2026-001', 'NARIC-DEMO-0001'),
        profession: 'CARE_WORKER',
        status: 'DOCUMENTS_MISSING',
        requestedOn: ago(70),
        statusOn: ago(40),
      },
      {
        ...file('WW-2026-004', 'NARIC-DEMO-0004'),
        profession: 'NURSE',
        status: 'REQUESTED',
        requestedOn: ago(45),
        statusOn: ago(45),
      },
      {
        ...file('TK-101', 'NARIC-DEMO-0101'),
        profession: 'CARE_WORKER',
        status: 'REQUESTED',
        requestedOn: ago(30),
        statusOn: ago(30),
      },
      {
        ...file('TK-102', 'NARIC-DEMO-0102'),
        profession: 'NURSE',
        status: 'RECOGNISED',
        requestedOn: ago(200),
        statusOn: ago(20),
      },
    ],
    ids.userId,
  );
  await loadDemoCare(db, {
    ownPartnerId: ids.own,
    otherPartnerId: ids.other,
    partnerUserId: ids.userId,
    today: ids.today,
  });
}
