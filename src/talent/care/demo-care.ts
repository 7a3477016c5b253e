import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { findOccupation } from '../../occupations/occupation-catalogue.ts';
import { addMonths } from '../../rules/dates/iso-date.ts';
import { DEMO_OCCUPATIONS } from '../demo-occupations.ts';
import { type CareProfession, candidateRecognition, type RecognitionStatus } from './recognition-model.ts';

/**
 * Demo recognition files for the care pipeline (issue 17, seed 004). Every file is marked as demo
 * (`is_demo`): its figures are demo values. What seed 004 gives is followed where it can be: the
 * nationalities of the nurses and care workers authorised in 2021–2022 (India far ahead, then the
 * Philippines, Suriname, Turkey, South Africa, Cameroon…), more care workers than nurses from 2022
 * on. Seed 004's own figures (136/137 nurses, 26/220 care workers authorised; some 5,700 NARIC
 * requests a year) are shown beside the live report as sourced figures (care-report.ts), not
 * invented here. The bulk belongs to the second demo partner and is not shown to employers; the
 * demo partner's own nurse is (the care vacancy finds her).
 */

/** Nationalities weighted as seed 004's 2022 tables (nurses and care workers together). */
const NATIONALITIES: ReadonlyArray<readonly [string, number]> = [
  ['IN', 60],
  ['PH', 6],
  ['SR', 5],
  ['CM', 3],
  ['ZA', 3],
  ['TR', 3],
  ['MA', 2],
  ['BA', 2],
  ['ID', 2],
  ['GH', 1],
  ['CN', 1],
  ['UA', 1],
];
/** Files per year and profession: demo values. */
const FILES_PER_YEAR: Readonly<Record<number, Record<CareProfession, number>>> = {
  2024: { NURSE: 34, CARE_WORKER: 26 },
  2025: { NURSE: 38, CARE_WORKER: 40 },
  2026: { NURSE: 30, CARE_WORKER: 36 },
};

/** A fixed pseudo-random sequence (the same demo on every start). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function weighted(next: () => number): string {
  const total = NATIONALITIES.reduce((sum, [, w]) => sum + w, 0);
  let draw = next() * total;
  for (const [code, weight] of NATIONALITIES) {
    draw -= weight;
    if (draw < 0) return code;
  }
  return 'IN';
}

const iscoOf = (occupationId: string) => findOccupation(occupationId)?.iscoCode ?? '0000';

const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Where a file requested `age` days ago stands: older files are mostly decided. */
function statusAfter(age: number, next: () => number): { status: RecognitionStatus; after: number } {
  const draw = next();
  if (age > 300)
    return draw < 0.72
      ? { status: 'RECOGNISED', after: 120 + Math.floor(next() * 120) }
      : draw < 0.86
        ? { status: 'REFUSED', after: 150 + Math.floor(next() * 100) }
        : { status: 'COMPENSATION_MEASURE', after: 90 };
  if (age > 120)
    return draw < 0.35
      ? { status: 'RECOGNISED', after: 110 + Math.floor(next() * (age - 110)) }
      : draw < 0.6
        ? { status: 'COMPENSATION_MEASURE', after: 90 }
        : { status: 'DOCUMENTS_MISSING', after: 30 };
  return draw < 0.5
    ? { status: 'DOCUMENTS_MISSING', after: Math.min(age, 20) }
    : { status: 'REQUESTED', after: 0 };
}

interface DemoFile {
  candidateId: string;
  partnerId: string;
  reference: string;
  profession: CareProfession;
  status: RecognitionStatus;
  requestedOn: string;
  statusOn: string;
}

export async function loadDemoCare(
  db: Db,
  context: { ownPartnerId: string; otherPartnerId: string; partnerUserId: string; today: string },
): Promise<void> {
  const { today } = context;
  const next = sequence(4_004);
  const files: DemoFile[] = [];
  const consentGivenOn = plusDays(today, -10);
  const candidates = [];
  let number = 0;
  for (const [year, perProfession] of Object.entries(FILES_PER_YEAR)) {
    for (const profession of ['NURSE', 'CARE_WORKER'] as const) {
      for (let i = 0; i < perProfession[profession]; i++) {
        number++;
        const requestedOn = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
        if (requestedOn > today) continue;
        const age = Math.round((Date.parse(today) - Date.parse(requestedOn)) / 86_400_000);
        const { status, after } = statusAfter(age, next);
        const statusOn = plusDays(requestedOn, Math.min(after, age));
        const occupation =
          profession === 'NURSE' ? DEMO_OCCUPATIONS.generalNurse : DEMO_OCCUPATIONS.healthcareAssistant;
        const reference = `TK-Z${String(number).padStart(3, '0')}`;
        candidates.push({
          partner_id: context.otherPartnerId,
          reference,
          pool: 'CARE_RECOGNITION' as const,
          occupation_ids: [occupation],
          isco_codes: [iscoOf(occupation)],
          isco_minors: [iscoOf(occupation).slice(0, 3)],
          education_vks: profession === 'NURSE' ? 6 : 4,
          languages: sql<never>`${JSON.stringify([
            { lang: 'en', level: 'B2' },
            { lang: 'nl', level: next() < 0.4 ? 'B1' : 'A2' },
          ])}::jsonb`,
          circle: 'THIRD_COUNTRY' as const,
          postal_code: null,
          nationality: weighted(next),
          work_access: 'PERMIT_NEEDED' as const,
          available_from: plusDays(today, 30 + Math.floor(next() * 90)),
          recognition_status: candidateRecognition(status),
          naric_reference: `NARIC-DEMO-${year}-${String(number).padStart(4, '0')}`,
          consent_purpose: 'SHORTAGE_MATCHING' as const,
          consent_given_on: consentGivenOn,
          consent_show_employers: false,
          retention_until: addMonths(consentGivenOn, 12),
          created_by: context.partnerUserId,
        });
        files.push({
          candidateId: '',
          partnerId: context.otherPartnerId,
          reference: `NARIC-DEMO-${year}-${String(number).padStart(4, '0')}`,
          profession,
          status,
          requestedOn,
          statusOn,
        });
      }
    }
  }
  const made = await db.insertInto('talent_candidates').values(candidates).returning('id').execute();
  made.forEach((row, i) => {
    (files[i] as DemoFile).candidateId = row.id;
  });
  await insertDemoFiles(db, files, context.partnerUserId);
}

async function insertDemoFiles(db: Db, files: readonly DemoFile[], userId: string): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('talent_recognition_files')
    .values(
      files.map((file) => ({
        candidate_id: file.candidateId,
        partner_id: file.partnerId,
        naric_reference: file.reference,
        profession: file.profession,
        status: file.status,
        requested_on: file.requestedOn,
        status_on: file.statusOn,
        is_demo: true,
      })),
    )
    .execute();
  await db
    .insertInto('talent_recognition_events')
    .values(
      files.flatMap((file) => [
        {
          candidate_id: file.candidateId,
          status: 'REQUESTED' as const,
          status_on: file.requestedOn,
          recorded_by: userId,
        },
        ...(file.status === 'REQUESTED'
          ? []
          : [
              {
                candidate_id: file.candidateId,
                status: file.status,
                status_on: file.statusOn,
                recorded_by: userId,
              },
            ]),
      ]),
    )
    .execute();
}

/** Files for the demo candidates talent's own demo names (their recognition and NARIC reference). */
export async function loadDemoCareFiles(
  db: Db,
  entries: ReadonlyArray<{
    candidateId: string;
    partnerId: string;
    naricReference: string;
    profession: CareProfession;
    status: RecognitionStatus;
    requestedOn: string;
    statusOn: string;
  }>,
  userId: string,
): Promise<void> {
  await insertDemoFiles(
    db,
    entries.map((entry) => ({ ...entry, reference: entry.naricReference })),
    userId,
  );
}
