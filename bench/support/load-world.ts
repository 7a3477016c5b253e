/**
 * The population the load benchmark works on: the demo data the server loaded, plus a generated
 * history of dossiers (src/stats/generate, the same generator as `npm run generate`), accounts
 * for a team of case handlers, supervisors, employers and analysts with open sessions, and the
 * catalogue of requests the mixed workload draws from.
 */
import { sql } from 'kysely';
import { openSession } from '../../src/auth/sessions.repo.ts';
import { createUser, findUserByUsername } from '../../src/auth/users.repo.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { OPEN_STATUSES } from '../../src/dossiers/dossiers.repo.ts';
import { brusselsDate } from '../../src/server/today.ts';
import { generateDossiers } from '../../src/stats/generate/generate-dossiers.ts';
import { writeDossiers } from '../../src/stats/generate/write-dossiers.ts';

export type RequestKind = 'queue' | 'dossier view' | 'assessment' | 'employer list' | 'statistics';

/** Shares of the mix; they add up to 100. */
export const MIX: ReadonlyArray<readonly [RequestKind, number]> = [
  ['dossier view', 30],
  ['queue', 25],
  ['employer list', 20],
  ['assessment', 15],
  ['statistics', 10],
];

export interface PlannedRequest {
  kind: RequestKind;
  method: 'GET' | 'POST';
  path: string;
  /** The session cookie's token, when the caller is signed in. */
  session?: string;
  body?: string;
  /** A staff read, which the server must log in the audit trail. */
  staffRead?: 'dossier' | 'list';
}

export interface World {
  catalogue: Record<RequestKind, PlannedRequest[]>;
  openDossiers: number;
  staff: number;
  employers: number;
}

const SESSION_TTL_MS = 8 * 3_600_000;
const STATS_REPORTS = ['q2', 'q3', 'q4', 'q6', 'nursesByNationality', 'highlySkilledShare', 'firstVsRenewal'];

/** Deterministic choices (mulberry32), so two runs draw the same requests in the same order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function buildWorld(
  handle: DatabaseHandle,
  options: {
    dossiers: number;
    caseHandlers: number;
    employers: number;
    /** Whether the server takes this application as valid input (answers 200). */
    isAssessable: (body: string) => Promise<boolean>;
  },
): Promise<World> {
  const { db } = handle;
  // The generated history sits beside the demo's dossiers (which the server loaded at its start).
  await writeDossiers(
    handle.pool,
    generateDossiers({ count: options.dossiers, seed: 2019, until: brusselsDate(new Date()) }),
  );
  await sql`analyze`.execute(db);

  const session = async (userId: string) => openSession(db, userId, SESSION_TTL_MS);
  const demoHandler = await findUserByUsername(db, 'behandelaar');
  const demoSupervisor = await findUserByUsername(db, 'teamleider');
  const demoEmployer = await findUserByUsername(db, 'werkgever');
  const analyst = await findUserByUsername(db, 'analist');
  if (!demoHandler || !demoSupervisor || !demoEmployer || !analyst)
    throw new Error('the demo accounts are missing: did the server load the demo data?');

  const staff = [demoHandler, demoSupervisor];
  for (let i = 0; i < options.caseHandlers - 1; i += 1)
    staff.push(
      await createUser(db, {
        username: `bench-handler-${i}`,
        displayName: `Handler ${i}`,
        role: 'CASE_HANDLER',
        oidcSubject: `bench-handler-${i}`,
      }),
    );
  const staffSessions = await Promise.all(staff.map((user) => session(user.id)));
  // Spread the open generated dossiers over the team, as assignment would.
  const open = await db
    .selectFrom('dossiers')
    .select(['id', 'number', 'assigned_to'])
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('id')
    .execute();
  for (const [i, dossier] of open.entries()) {
    if (dossier.assigned_to || i % 3 === 0) continue;
    await db
      .updateTable('dossiers')
      .set({ assigned_to: (staff[i % staff.length] as { id: string }).id })
      .where('id', '=', dossier.id)
      .execute();
  }

  // Employers: the demo one, and one account each for the enterprises with the most dossiers.
  const enterprises = await db
    .selectFrom('dossiers')
    .select(['enterprise_number', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_number', '!=', demoEmployer.enterpriseNumber ?? '')
    .groupBy('enterprise_number')
    .orderBy('n', 'desc')
    .limit(options.employers - 1)
    .execute();
  const employerSessions = [await session(demoEmployer.id)];
  for (const [i, enterprise] of enterprises.entries()) {
    const user = await createUser(db, {
      username: `bench-employer-${i}`,
      displayName: `Employer ${i}`,
      role: 'EMPLOYER',
      enterpriseNumber: enterprise.enterprise_number,
      oidcSubject: `bench-employer-${i}`,
    });
    employerSessions.push(await session(user.id));
  }
  const analystSession = await session(analyst.id);

  // Dossier views: every open dossier of the demo (they carry register facts, so a staff view
  // logs the register data read too) and as many open generated ones.
  const withFacts = await db
    .selectFrom('dossiers')
    .select('id')
    .where('status', 'in', [...OPEN_STATUSES])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('register_facts').select('dossier_id').whereRef('dossier_id', '=', 'dossiers.id'),
      ),
    )
    .execute();
  const random = seededRandom(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const generatedOpen = open.filter((d) => !withFacts.some((f) => f.id === d.id));
  const viewed = [
    ...withFacts.map((d) => d.id),
    ...Array.from({ length: Math.max(withFacts.length, 50) }, () => pick(generatedOpen).id),
  ];

  // Applications to assess: the submitted demo dossiers' and generated ones (the caller keeps those
  // the rules accept as complete input; a generated application is abridged and may not be).
  const applications = await db
    .selectFrom('dossiers')
    .select('application')
    .where('status', '!=', 'DRAFT')
    .orderBy('id')
    .limit(300)
    .execute();

  const demoNumbers = await db
    .selectFrom('dossiers')
    .select('number')
    .where('number', 'is not', null)
    .where('idempotency_key', 'is', null)
    .limit(20)
    .execute();
  // Browsing the queue mostly; one read in eight is a search for a dossier number.
  const queuePaths = [
    '/api/v1/queue',
    '/api/v1/queue',
    '/api/v1/queue?scope=mine',
    '/api/v1/queue?scope=unassigned',
    '/api/v1/queue?status=IN_REVIEW',
    '/api/v1/queue?offset=50',
    '/api/v1/queue?category=HIGHLY_SKILLED',
  ];
  const searches = demoNumbers.map((d) => `/api/v1/queue?q=${encodeURIComponent(String(d.number))}`);
  const catalogue: Record<RequestKind, PlannedRequest[]> = {
    'dossier view': viewed.map((id, i) => ({
      kind: 'dossier view',
      method: 'GET',
      path: `/api/v1/dossiers/${id}`,
      session: staffSessions[i % staffSessions.length] as string,
      staffRead: 'dossier',
    })),
    queue: staffSessions.flatMap((token, i) =>
      [...queuePaths, searches[i % searches.length] as string].map((path) => ({
        kind: 'queue' as const,
        method: 'GET' as const,
        path,
        session: token,
        staffRead: 'list' as const,
      })),
    ),
    'employer list': employerSessions.map((token) => ({
      kind: 'employer list',
      method: 'GET',
      path: '/api/v1/dossiers',
      session: token,
    })),
    assessment: [],
    statistics: STATS_REPORTS.map((id) => ({
      kind: 'statistics',
      method: 'GET',
      path: `/api/v1/stats/reports/${id}`,
      session: analystSession,
    })),
  };
  for (const row of applications) {
    const body = JSON.stringify(row.application);
    if (catalogue.assessment.length < 100 && (await options.isAssessable(body)))
      catalogue.assessment.push({
        kind: 'assessment',
        method: 'POST',
        path: '/api/v1/assessments?lang=nl',
        body,
      });
  }
  if (catalogue.assessment.length === 0) throw new Error('no application was accepted for assessment');
  return { catalogue, openDossiers: open.length, staff: staff.length, employers: employerSessions.length };
}

/** The request sequence: each index draws its kind by the mix and one request of that kind. */
export function planRequests(world: World, count: number, seed: number): PlannedRequest[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let draw = random() * 100;
    let kind: RequestKind = MIX[0]?.[0] as RequestKind;
    for (const [k, share] of MIX) {
      kind = k;
      draw -= share;
      if (draw < 0) break;
    }
    const list = world.catalogue[kind];
    return list[Math.floor(random() * list.length)] as PlannedRequest;
  });
}
