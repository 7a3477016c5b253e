import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listActions } from '../dossiers/dossiers.repo.ts';
import { deriveStatus } from '../dossiers/lifecycle/dossier-lifecycle.ts';
import { appealLastDay } from '../dossiers/lifecycle/legal-clock.ts';
import { addMonths } from '../rules/dates/iso-date.ts';
import { nationalitiesWithoutAuthorisation } from '../rules/index.ts';
import { brusselsDate } from '../server/today.ts';
import { foldPendingStatistics } from '../stats/fold-statistics.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoDossiers } from './demo-dossiers.ts';

describe('demo dossiers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('fill a realistic queue with dossiers in every state, each consistent with its history', async () => {
    const created = await loadDemoDossiers(database.db, '2026-11-23');
    expect(created).toBeGreaterThanOrEqual(50);
    const rows = await database.db.selectFrom('dossiers').select(['id', 'status']).execute();
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of [
      'DRAFT',
      'SUBMITTED',
      'INADMISSIBLE',
      'ADMISSIBLE',
      'IN_REVIEW',
      'INFORMATION_REQUESTED',
      'DECIDED_GRANTED',
      'DECIDED_REFUSED',
      'APPEALED',
      'WITHDRAWN',
    ]) {
      expect(statuses, status).toContain(status);
    }
    for (const row of rows) expect(deriveStatus(await listActions(database.db, row.id))).toBe(row.status);
    const letters = await database.db.selectFrom('dossier_letters').select('id').execute();
    expect(letters.length).toBeGreaterThanOrEqual(10);
    expect(await loadDemoDossiers(database.db, '2026-11-23')).toBe(0);
  }, 300_000); // 58 dossiers through the real use cases (the last a football player), with their letters

  it('date every step on or before the demo day, in order, with grants inside the job and the legal maximum', async () => {
    const today = '2026-11-23';
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['id', 'status', 'decided_on', 'application', 'assessment', 'decision', 'submitted_at'])
      .execute();
    let grants = 0;
    for (const row of rows) {
      const actions = await listActions(database.db, row.id);
      // The submission date is the day of the SUBMIT action (the statistics count it in that year).
      const submitAction = actions.find((action) => action.action === 'SUBMIT');
      expect(row.submitted_at ? brusselsDate(row.submitted_at) : null, row.id).toBe(submitAction?.on ?? null);
      const days = actions.map((action) => action.on);
      expect(
        days.every((day) => day <= today),
        `${row.id}: ${days.join(' ')}`,
      ).toBe(true);
      expect(days, row.id).toEqual([...days].sort());
      if (row.decided_on) {
        expect(row.decided_on <= today).toBe(true);
        const submittedOn = actions.find((action) => action.action === 'SUBMIT')?.on ?? '';
        expect(submittedOn !== '' && submittedOn <= row.decided_on).toBe(true);
      }
      if (row.status !== 'DECIDED_GRANTED') continue;
      grants++;
      const decision = row.decision as { validFrom: string; validUntil: string; decidedOn: string };
      const job = (row.application as { job: { startDate: string; endDate?: string } }).job;
      const months = (row.assessment as { procedure: { maxValidityMonths: number | null } }).procedure
        .maxValidityMonths;
      expect(decision.validFrom >= decision.decidedOn).toBe(true);
      expect(decision.validUntil >= decision.validFrom).toBe(true);
      if (job.endDate && job.endDate >= decision.validFrom)
        expect(decision.validUntil <= job.endDate).toBe(true);
      if (months) expect(decision.validUntil < addMonths(decision.validFrom, months)).toBe(true);
    }
    expect(grants).toBeGreaterThan(0);
  });

  it('hold no worker who needs no work authorisation (Belgian, EU, EEA, Swiss)', async () => {
    const rows = await database.db.selectFrom('dossiers').select(['application']).execute();
    const nationalities = rows
      .map((row) => (row.application as { worker?: { nationality?: string } }).worker?.nationality)
      .filter((nationality): nationality is string => typeof nationality === 'string');
    expect(nationalities.length).toBeGreaterThan(40);
    const exempt = new Set(nationalitiesWithoutAuthorisation('2026-11-23'));
    expect(nationalities.filter((nationality) => exempt.has(nationality))).toEqual([]);
  });

  it('are written, letters included, in their employer’s language (Dutch for Flemish enterprises)', async () => {
    const dossiers = await database.db
      .selectFrom('dossiers as d')
      .innerJoin('users as u', 'u.enterprise_number', 'd.enterprise_number')
      .select(['d.lang', 'u.preferred_lang'])
      .where('u.role', '=', 'EMPLOYER')
      .execute();
    expect(dossiers.length).toBeGreaterThan(40);
    expect(dossiers.filter((row) => row.lang !== row.preferred_lang)).toEqual([]);
    const letters = await database.db.selectFrom('dossier_letters').select('lang').distinct().execute();
    expect(letters.map((letter) => letter.lang)).toEqual(['nl']);
  });

  it('explain each inadmissible dossier by its grounds and ask no fee for it', async () => {
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['id', 'fee_reference', 'fee_amount_cents'])
      .where('status', '=', 'INADMISSIBLE')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.fee_reference).toBeNull();
      expect(row.fee_amount_cents).toBe(0);
      const declared = (await listActions(database.db, row.id)).findLast(
        (action) => action.action === 'DECLARE_INADMISSIBLE',
      );
      expect(declared?.details.grounds).toEqual([{ code: 'NOT_COMPETENT_REGION', region: 'BRUSSELS' }]);
    }
  });

  it('date each letter on its decision’s day, the submission on the history’s first day, each appeal within its period', async () => {
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['id', 'status', 'decided_on', 'submitted_at'])
      .where('submitted_at', 'is not', null)
      .execute();
    let letters = 0;
    let appeals = 0;
    for (const row of rows) {
      const actions = await listActions(database.db, row.id);
      expect(brusselsDate(row.submitted_at as Date), row.id).toBe(actions[0]?.on);
      const decided = actions.filter((a) => a.action === 'GRANT' || a.action === 'REFUSE');
      const dossierLetters = await database.db
        .selectFrom('dossier_letters')
        .select(['kind', 'created_at'])
        .where('dossier_id', '=', row.id)
        .where('kind', '=', 'DECISION')
        .execute();
      expect(
        dossierLetters.map((l) => brusselsDate(l.created_at)),
        row.id,
      ).toEqual(decided.map((a) => a.on));
      letters += dossierLetters.length;
      const appeal = actions.find((a) => a.action === 'APPEAL');
      if (appeal && row.decided_on) {
        expect(appeal.on <= appealLastDay(row.decided_on), row.id).toBe(true);
        appeals++;
      }
    }
    expect(letters).toBeGreaterThanOrEqual(10);
    expect(appeals).toBeGreaterThan(0);
  });

  it('hold granted nurses, so the nurses report (004) has figures on the demo data', async () => {
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['application'])
      .where('status', '=', 'DECIDED_GRANTED')
      .execute();
    const nurses = rows.filter(
      (row) => (row.application as { worker?: { profession?: string } }).worker?.profession === 'NURSE',
    );
    expect(nurses.length).toBeGreaterThanOrEqual(2);
  });

  it('end with a granted professional football player, counted as a player in 003 q2', async () => {
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['id', 'status', 'application'])
      .where('category', '=', 'PROFESSIONAL_ATHLETE')
      .execute();
    expect(rows).toHaveLength(1);
    const [athlete] = rows;
    expect(athlete?.status).toBe('DECIDED_GRANTED');
    const application = athlete?.application as {
      athlete?: { role?: string; hasProfessionalContract?: boolean };
      job?: { title?: string };
    };
    expect(application.athlete).toEqual({ role: 'PLAYER', hasProfessionalContract: true });
    expect(application.job?.title).toBe('Professional football player');
    await foldPendingStatistics(database.db);
    const statistics = await database.db
      .selectFrom('dossier_statistics')
      .select(['athlete_role', 'outcome'])
      .where('dossier_id', '=', athlete?.id as string)
      .executeTakeFirst();
    expect(statistics).toEqual({ athlete_role: 'PLAYER', outcome: 'GRANTED' });
  });
});
