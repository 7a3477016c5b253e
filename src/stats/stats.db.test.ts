import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { openSession } from '../auth/sessions.repo.ts';
import { createUser } from '../auth/users.repo.ts';
import { DatabaseState } from '../server/database-state.ts';
import { accessControl, SESSION_COOKIE } from '../server/plugins/access-control.ts';
import { errorHandling } from '../server/plugins/error-handling.ts';
import '../validation/compile-validator.ts';
import { aggregate, splitByBranch } from './aggregate.ts';
import { MAX_NOISE } from './cell-key.ts';
import { DIMENSIONS, type DimensionId, KEY_SUMS, MEASURES, type MeasureId, TOTAL } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { BASIS } from './open-data.ts';
import { REPORTS } from './reports/index.ts';
import { reportDimensions, reportGroupingSets } from './reports/run-report.ts';
import { planRollupQuery } from './rollups.ts';
import { statsRoutes } from './stats.routes.ts';
import { type Fact, loadFacts, recount, reportAsMap } from './test-support/recount.ts';

/**
 * Every report against a brute-force recount in TypeScript over the raw dossier rows (not over the
 * statistics table): the triggers, the SQL and the margins must agree with a count anyone can read
 * (the recount: ./test-support/recount.ts).
 */
/** A fixed last day for the generated history, so the figures tested do not move with the calendar. */
const HISTORY_UNTIL = '2026-11-30';

const YEARS: [number, number] = [2019, 2028];

/**
 * The reports that scan rather than read the rollups: the inspections (003 q8) and the NARIC files
 * read the enforcement capability's `inspections` and the register facts. Every other report must
 * be answered from the rollups (the last five of issue 16 since migration 0037).
 */
const FACT_TABLE_REPORTS = ['q8Inspections', 'naricRecognitions'];

describe('statistics over generated dossiers', () => {
  let database: TestDatabase;
  let facts: Fact[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 4000, seed: 11, until: HISTORY_UNTIL }), {
      batchSize: 1500,
    });
    facts = await loadFacts(database);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('keeps one statistics row per submitted dossier, and the actions consistent with the status', async () => {
    expect(facts).toHaveLength(4000);
    const stats = await database.db
      .selectFrom('dossier_statistics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stats.n)).toBe(4000);
    const last = await database.pool.query(`
      SELECT count(*)::int AS n FROM dossiers d
      WHERE d.status <> CASE (SELECT action FROM dossier_actions a WHERE a.dossier_id = d.id ORDER BY id DESC LIMIT 1)
        WHEN 'SUBMIT' THEN 'SUBMITTED' WHEN 'DECLARE_ADMISSIBLE' THEN 'ADMISSIBLE'
        WHEN 'DECLARE_INADMISSIBLE' THEN 'INADMISSIBLE' WHEN 'START_REVIEW' THEN 'IN_REVIEW'
        WHEN 'GRANT' THEN 'DECIDED_GRANTED' WHEN 'REFUSE' THEN 'DECIDED_REFUSED' WHEN 'WITHDRAW' THEN 'WITHDRAWN' END`);
    expect(last.rows[0].n).toBe(0);
  });

  // The generator writes no inspections or NARIC checks: those reports have their recount with
  // such facts in inspections-and-naric.db.test.ts (and the recount over all reports below).
  for (const definition of REPORTS.filter((r) => !['q8Inspections', 'naricRecognitions'].includes(r.id))) {
    const variants: Array<DimensionId | undefined> = definition.columnChoices
      ? [...definition.columnChoices]
      : [undefined];
    for (const by of variants) {
      it(`report ${definition.id}${by ? ` by ${by}` : ''} equals a brute-force recount`, async () => {
        const years = (definition.defaultYears as [number, number] | undefined) ?? YEARS;
        const expected = recount(facts, definition, years, by);
        const actual = await reportAsMap(database, definition, years, by);
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
        // Not vacuous: the table has real figures.
        const total = actual.get(
          reportDimensions(definition, by)
            .map(() => TOTAL)
            .join('|'),
        );
        expect(Object.values(total ?? {}).some((v) => Number(v) > 0)).toBe(true);
      });
    }
  }

  it('counts a dossier decided now in the very next query', async () => {
    const open = await database.db
      .selectFrom('dossiers')
      .select(['id', 'category', 'version', 'admissible_on', 'assessment'])
      .where('status', '=', 'IN_REVIEW')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const province = (open.assessment as { procedure: { province: string } }).procedure.province;
    const q2 = REPORTS.find((r) => r.id === 'q2')!;
    const cell = async () =>
      (await reportAsMap(database, q2, [2026, 2026])).get(`2026|${open.category}|${province}`)?.granted ?? 0;
    const before = await cell();
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('dossier_actions')
        .values({
          dossier_id: open.id,
          action: 'GRANT',
          actor: 'CASE_HANDLER',
          effective_on: '2026-11-30',
          details: {},
        })
        .execute();
      await trx
        .updateTable('dossiers')
        .set({
          status: 'DECIDED_GRANTED',
          version: open.version + 1,
          decided_on: '2026-11-30',
          decision: { outcome: 'GRANTED', decidedOn: '2026-11-30' },
        })
        .where('id', '=', open.id)
        .execute();
    });
    // Only noted by the change; the query folds it (migration 0006).
    const pending = await database.db
      .selectFrom('statistics_pending')
      .select('dossier_id')
      .where('dossier_id', '=', open.id)
      .execute();
    expect(pending.length).toBeGreaterThan(0);
    expect(await cell()).toBe(Number(before) + 1);
    const recounted = recount(await loadFacts(database), q2, [2026, 2026]);
    expect(recounted.get(`2026|${open.category}|${province}`)?.granted).toBe(Number(before) + 1);
  });

  it('matches the calibration: India first, the highly-skilled share falling from ~69 % to ~36 %', async () => {
    const nationalities = new Map<string, number>();
    for (const fact of facts)
      nationalities.set(fact.dims.nationality, (nationalities.get(fact.dims.nationality) ?? 0) + 1);
    expect([...nationalities.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('IN');
    const share = await reportAsMap(database, REPORTS.find((r) => r.id === 'highlySkilledShare')!, YEARS);
    expect(share.get('2019')?.highlySkilledShare).toBeGreaterThan(0.6);
    expect(share.get('2024')?.highlySkilledShare).toBeLessThan(0.45);
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    let analystCookie: string;
    let employerCookie: string;

    beforeAll(async () => {
      app = Fastify();
      app.setValidatorCompiler(TypeBoxValidatorCompiler);
      await app.register(errorHandling);
      await app.register(cookie);
      await app.register(csrf);
      await app.register(accessControl, { getDb: () => database.db, sessionTtlMs: 3_600_000 });
      await app.register(statsRoutes, {
        database: new DatabaseState(database.db),
        now: () => new Date('2029-02-01'),
      });
      await app.ready();
      const analyst = await createUser(database.db, {
        username: 'analist',
        displayName: 'Analist',
        role: 'ANALYST',
        oidcSubject: 'analist',
      });
      const employer = await createUser(database.db, {
        username: 'werkgever',
        displayName: 'Werkgever',
        role: 'EMPLOYER',
        enterpriseNumber: '0403170701',
        oidcSubject: 'werkgever',
      });
      analystCookie = await openSession(database.db, analyst.id, 3_600_000);
      employerCookie = await openSession(database.db, employer.id, 3_600_000);
    });
    afterAll(async () => {
      await app?.close();
    });

    const get = (url: string, token?: string) =>
      app.inject({ method: 'GET', url, ...(token ? { cookies: { [SESSION_COOKIE]: token } } : {}) });

    it('lets analysts in and keeps others out', async () => {
      expect((await get('/api/v1/stats/reports/q2')).statusCode).toBe(401);
      expect((await get('/api/v1/stats/reports/q2', employerCookie)).statusCode).toBe(403);
      const list = await get('/api/v1/stats/reports', analystCookie);
      expect(list.statusCode).toBe(200);
      expect(list.json().reports.map((r: { id: string }) => r.id)).toContain('nursesByNationality');
      expect((await get('/api/v1/stats/reports/nope', analystCookie)).statusCode).toBe(404);
    });

    it('answers 400 naming the parameter for bad filters', async () => {
      const cases: Array<[string, string]> = [
        ['/api/v1/stats/reports/q2?from=2013', 'query.from'],
        ['/api/v1/stats/reports/q2?from=2024&to=2020', 'query.from'],
        ['/api/v1/stats/reports/q2?categories=HIGHLY_SKILLED,ASTRONAUT', 'query.categories'],
        ['/api/v1/stats/reports/q2?provinces=BRABANT', 'query.provinces'],
        ['/api/v1/stats/reports/q4?by=shoeSize', 'query.by'],
        ['/api/v1/stats/pivot?rows=year&columns=colour', 'query.columns'],
        ['/api/v1/stats/pivot?rows=year,category', 'query.rows'],
        ['/api/v1/stats/pivot?measure=happiness', 'query.measure'],
        ['/api/v1/stats/aggregate?dimensions=year,category,province,sex', 'query.dimensions'],
        ['/api/v1/open-data/pivot?to=2101', 'query.to'],
      ];
      for (const [url, path] of cases) {
        const response = await get(url, analystCookie);
        expect(response.statusCode, url).toBe(400);
        expect(
          response.json().error.fields.map((f: { path: string }) => f.path),
          url,
        ).toContain(path);
      }
    });

    it('serves the same figures as JSON, CSV (BOM, RFC 4180) and XLSX', async () => {
      const json = (
        await get('/api/v1/stats/reports/highlySkilledShare?from=2019&to=2028', analystCookie)
      ).json();
      const csv = await get(
        '/api/v1/stats/reports/highlySkilledShare?from=2019&to=2028&format=csv',
        analystCookie,
      );
      expect(csv.headers['content-type']).toContain('text/csv');
      // Named after the report's title in the reader's language and the day, not its code.
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="Aandeel hooggeschoolden .*\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/,
      );
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      const lines = csv.body.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(json.rows.length + 2);
      expect(lines[1]?.split(';')[1]).toBe(String(json.rows[0].values.granted));
      const xlsx = await get(
        '/api/v1/stats/reports/highlySkilledShare?format=xlsx&from=2019&to=2028',
        analystCookie,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(json.rows.length + 2);
      expect(sheet.getRow(2).getCell(2).value).toBe(json.rows[0].values.granted);
    });

    it('writes CSV for Belgian Excel in Dutch and French, plain CSV in English, with words for codes', async () => {
      const csvIn = async (lang: string, url: string) => {
        const response = await app.inject({
          method: 'GET',
          url,
          headers: { 'accept-language': lang },
          cookies: { [SESSION_COOKIE]: analystCookie },
        });
        expect(response.headers['content-language']).toBe(lang);
        expect(response.body.startsWith('\uFEFF')).toBe(true);
        return response.body.slice(1).trimEnd().split('\r\n');
      };
      const url = '/api/v1/stats/reports/highlySkilledShare?from=2019&to=2028';
      const json = (await get(url, analystCookie)).json();
      const first = json.rows[0];
      const share = first.values.highlySkilledShare as number;
      expect(share % 1).not.toBe(0);
      const expected = {
        nl: [
          'Jaar;Toegekend;Toegekend hooggeschoold;Aandeel hooggeschoold',
          ';',
          String(share).replace('.', ','),
          'Totaal',
        ],
        fr: [
          'Année;Accordées;Accordées hautement qualifiés;Part hautement qualifiés',
          ';',
          String(share).replace('.', ','),
          'Total',
        ],
        en: ['Year,Granted,"Granted, highly skilled",Highly-skilled share', ',', String(share), 'Total'],
      } as const;
      for (const [lang, [header, separator, shareText, total]] of Object.entries(expected)) {
        const lines = await csvIn(lang, `${url}&format=csv`);
        expect(lines[0], lang).toBe(header);
        // A year as a number: 2019, not "2,019" or "2.019".
        expect(lines[1], lang).toBe(
          [first.key.year, first.values.granted, first.values.highlySkilledGranted, shareText].join(
            separator,
          ),
        );
        expect(lines.at(-1)?.split(separator)[0], lang).toBe(total);
      }
      // The page's language, named by the download link, wins over the browser's.
      const named = await app.inject({
        method: 'GET',
        url: `${url}&format=csv&lang=en`,
        headers: { 'accept-language': 'nl' },
        cookies: { [SESSION_COOKIE]: analystCookie },
      });
      expect(named.body.slice(1).split('\r\n')[0]).toBe(expected.en[0]);
      // A pivot's codes become names: sexes, provinces, countries in the reader's language.
      const pivotUrl = '/api/v1/stats/pivot?rows=nationality&columns=sex&measure=applications&to=2028';
      const pivot = (await get(pivotUrl, analystCookie)).json();
      const country = (pivot.rowKeys as string[]).find((key) => /^[A-Z]{2}$/.test(key) && key !== 'XX')!;
      const fr = await csvIn('fr', `${pivotUrl}&format=csv`);
      expect(fr[0]).toContain('Nationalité \\ Sexe;');
      expect(fr[0]).toMatch(/;Femme;Homme;.*Total$/);
      const countryFr = new Intl.DisplayNames(['fr'], { type: 'region' }).of(country) as string;
      expect(fr.map((line) => line.split(';')[0])).toContain(countryFr);
      expect(fr.map((line) => line.split(';')[0])).not.toContain(country);
      const provinces = await csvIn(
        'nl',
        '/api/v1/stats/pivot?rows=province&measure=granted&to=2028&format=csv',
      );
      expect(provinces.map((line) => line.split(';')[0])).toEqual(
        expect.arrayContaining(['Antwerpen', 'Oost-Vlaanderen', 'Totaal']),
      );
      expect(provinces.join('\n')).not.toMatch(/OOST_VLAANDEREN|TOTAL\b/);
      // In the order a reader expects (the database gives age bands as sorted text).
      const ages = await csvIn('nl', '/api/v1/stats/pivot?rows=ageBand&measure=granted&to=2028&format=csv');
      expect(ages.slice(1, 6).map((line) => line.split(';')[0])).toEqual([
        'Jonger dan 25',
        '25 tot 29',
        '30 tot 39',
        '40 tot 49',
        '50 en ouder',
      ]);
    });

    it('audits each analyst read as one event naming the query, and open data not at all', async () => {
      const statsReads = () =>
        database.db
          .selectFrom('audit_events')
          .select(['actor_user_id', 'subject_id', 'details'])
          .where('action', '=', 'STATS_READ')
          .orderBy('id')
          .execute();
      const before = (await statsReads()).length;
      const pivot = await get(
        '/api/v1/stats/pivot?rows=nationality&columns=sex&measure=granted&from=2020&to=2024&categories=HIGHLY_SKILLED&provinces=ANTWERPEN,LIMBURG&format=csv',
        analystCookie,
      );
      expect(pivot.statusCode).toBe(200);
      expect(pivot.body.split('\r\n').length).toBeGreaterThan(5); // many lines, one event
      let events = await statsReads();
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({
        actor_user_id: expect.any(String),
        subject_id: 'pivot',
        details: {
          what: 'pivot',
          measures: ['granted'],
          dimensions: ['nationality', 'sex'],
          filters: {
            from: 2020,
            to: 2024,
            categories: ['HIGHLY_SKILLED'],
            provinces: ['ANTWERPEN', 'LIMBURG'],
          },
          format: 'csv',
        },
      });
      await get('/api/v1/stats/reports/nursesByNationality?from=2023&to=2024', analystCookie);
      await get('/api/v1/stats/aggregate?dimensions=year,sex&measures=refused', analystCookie);
      events = await statsReads();
      expect(events.slice(before + 1).map((e) => e.details)).toEqual([
        expect.objectContaining({ what: 'report', report: 'nursesByNationality', format: 'json' }),
        expect.objectContaining({ what: 'aggregate', measures: ['refused'], dimensions: ['year', 'sex'] }),
      ]);
      // Open data hides small counts before anything leaves: no personal read, by anyone.
      await get('/api/v1/open-data/reports/q2?to=2028');
      await get('/api/v1/open-data/pivot?rows=nationality&columns=sex&measure=granted', analystCookie);
      // A refused query read nothing.
      expect((await get('/api/v1/stats/pivot?measure=happiness', analystCookie)).statusCode).toBe(400);
      expect(await statsReads()).toHaveLength(before + 3);
    });

    it('pivots any measure by two dimensions with totals that add up', async () => {
      const pivot = (
        await get('/api/v1/stats/pivot?rows=year&columns=sex&measure=granted&to=2028', analystCookie)
      ).json();
      expect(pivot.columnKeys).toEqual(expect.arrayContaining(['F', 'M']));
      pivot.rowKeys.forEach((_: string, i: number) => {
        expect(pivot.cells[i].reduce((a: number, b: number) => a + b, 0)).toBe(pivot.rowTotals[i]);
      });
      expect(pivot.rowTotals.reduce((a: number, b: number) => a + b, 0)).toBe(pivot.grandTotal);
    });

    it('publishes open data without any count from 1 to 4', async () => {
      for (const definition of REPORTS) {
        const response = await get(`/api/v1/open-data/reports/${definition.id}?to=2028`);
        expect(response.statusCode).toBe(200);
        const report = response.json();
        const counts = report.rows.flatMap((row: { values: Record<string, number | null> }) =>
          Object.entries(row.values)
            .filter(([m]) => MEASURES[m as MeasureId]?.isAdditive)
            .map(([, v]) => v),
        );
        expect(counts.filter((v: number | null) => v !== null && v > 0 && v < 5)).toEqual([]);
      }
      const nurses = (await get('/api/v1/open-data/reports/nursesByNationality')).json();
      expect(nurses.rows.some((row: { suppressed?: string[] }) => row.suppressed?.includes('granted'))).toBe(
        true,
      );
      const pivot = (
        await get('/api/v1/open-data/pivot?rows=nationality&columns=year&measure=granted&to=2028')
      ).json();
      expect(pivot.cells.flat().filter((v: number | null) => v !== null && v > 0 && v < 5)).toEqual([]);
      expect(pivot.cells.flat()).toContain(null);
    });

    it('publishes the same perturbed value for the same dossiers in a report and a pivot, close to the truth', async () => {
      const report = (await get('/api/v1/open-data/reports/q2?from=2023&to=2023')).json();
      const pivot = (
        await get('/api/v1/open-data/pivot?rows=category&columns=province&measure=granted&from=2023&to=2023')
      ).json();
      const truth = (
        await get(
          '/api/v1/stats/pivot?rows=category&columns=province&measure=granted&from=2023&to=2023',
          analystCookie,
        )
      ).json();
      let compared = 0;
      let perturbed = 0;
      pivot.rowKeys.forEach((category: string, i: number) => {
        pivot.columnKeys.forEach((province: string, j: number) => {
          const row = report.rows.find(
            (r: { key: Record<string, string> }) =>
              r.key.year === '2023' && r.key.category === category && r.key.province === province,
          );
          const published = pivot.cells[i][j];
          const exact = truth.cells[truth.rowKeys.indexOf(category)][truth.columnKeys.indexOf(province)];
          if (row) expect(row.values.granted, `${category} ${province}`).toBe(published);
          if (published === null) return;
          compared++;
          expect(Math.abs(published - exact)).toBeLessThanOrEqual(MAX_NOISE);
          if (published !== exact) perturbed++;
        });
      });
      expect(compared).toBeGreaterThan(5);
      expect(perturbed).toBeGreaterThan(0);
      // Asked again, nothing moves: the noise is the cell's, not the request's.
      const again = (
        await get('/api/v1/open-data/pivot?rows=category&columns=province&measure=granted&from=2023&to=2023')
      ).json();
      expect(again).toEqual(pivot);
    });
  });

  it('answers every report from the rollups, with or without the counts open data adds', () => {
    for (const definition of REPORTS.filter((r) => !FACT_TABLE_REPORTS.includes(r.id))) {
      for (const by of definition.columnChoices ?? [undefined]) {
        const dimensions = reportDimensions(definition, by);
        const measures = [...definition.measures, 'decided' as const, 'granted' as const];
        const request = {
          measures,
          dimensions,
          filters: { years: YEARS, provinces: ['ANTWERPEN'], only: definition.only ?? {} },
          groupingSets: reportGroupingSets(definition, dimensions.length),
        };
        for (const query of splitByBranch(measures))
          expect(planRollupQuery(request, query), `${definition.id} ${by ?? ''}`).not.toBeNull();
      }
    }
    // And leaves to the fact table what the rollups do not hold.
    for (const id of FACT_TABLE_REPORTS) {
      const definition = REPORTS.find((r) => r.id === id)!;
      const dimensions = reportDimensions(definition);
      const request = { measures: definition.measures, dimensions, filters: { years: YEARS } };
      const plans = splitByBranch(definition.measures).map((query) => planRollupQuery(request, query));
      expect(
        plans.some((plan) => plan === null),
        id,
      ).toBe(true);
    }
    const byRegion = { measures: ['granted'] as MeasureId[], dimensions: ['region'] as DimensionId[] };
    expect(
      planRollupQuery(
        { ...byRegion, filters: { years: YEARS } },
        { branch: 'decision', measures: ['granted'], keys: [] },
      ),
    ).toBeNull();
    expect(
      planRollupQuery(
        { measures: ['granted'], dimensions: ['sex', 'nationality'], filters: { years: YEARS } },
        { branch: 'decision', measures: ['granted'], keys: [] },
      ),
    ).toBeNull();
  });

  it('gives the same figures from the rollups as from the fact table, filters and margins included', async () => {
    const cases: Array<{
      dimensions: DimensionId[];
      measures: MeasureId[];
      only?: Record<string, string[]>;
    }> = [
      {
        dimensions: ['year', 'province', 'kind'],
        measures: ['applications', 'admissible', 'withdrawn', 'granted'],
      },
      { dimensions: ['careProfession', 'sex'], measures: ['decided', 'refused', 'highlySkilledShare'] },
      { dimensions: ['year', 'province'], measures: ['regionalLeadP90Days', 'federalLeadMedianDays'] },
      { dimensions: ['category'], measures: ['withinDeadlineShare', 'granted'], only: { vks: ['7', '8'] } },
      { dimensions: ['year', 'refusalReason'], measures: ['refused'], only: { kind: ['FIRST'] } },
      // Migration 0033: the rollups of q2Question, q6Total and q7Handover.
      {
        dimensions: ['year', 'questionCategory', 'province'],
        measures: ['applications', 'granted', 'residenceGranted', 'residenceRefused'],
      },
      {
        dimensions: ['year', 'province'],
        measures: ['admissibilityLeadP90Days', 'totalLeadMedianDays', 'handedOver', 'handoverP90Days'],
      },
    ];
    for (const { dimensions, measures, only } of cases) {
      const request = {
        measures,
        dimensions,
        filters: {
          years: [2020, 2027] as [number, number],
          categories: ['HIGHLY_SKILLED', 'MEDIUM_SKILLED_SHORTAGE', 'EU_BLUE_CARD'],
          ...(only ? { only } : {}),
        },
        groupingSets:
          dimensions.length === 2
            ? [[0, 1], [0], [1], []]
            : dimensions.length === 3
              ? [[0, 1, 2], [0], []]
              : [[0], []],
      };
      for (const query of splitByBranch(measures)) expect(planRollupQuery(request, query)).not.toBeNull();
      // With the cell keys too: a cell must get the same noise in a report and in a pivot.
      const fromRollups = await aggregate(database.db, request, { withCellKeys: true });
      const fromFacts = await aggregate(database.db, request, { source: 'facts', withCellKeys: true });
      expect(fromRollups.length, dimensions.join()).toBeGreaterThanOrEqual(3);
      expect(fromRollups, dimensions.join()).toEqual(fromFacts);
      const keyed = fromRollups.flatMap((row) => Object.keys(row.values).filter((k) => k.endsWith(':key')));
      if (measures.some((m) => MEASURES[m].isAdditive))
        expect(keyed.length, dimensions.join()).toBeGreaterThan(0);
    }
  });

  it('has a dimension definition for every dimension the recount knows', () => {
    expect(Object.keys(DIMENSIONS).sort()).toEqual(Object.keys(facts[0]!.dims).sort());
  });

  it('gives open data a cell key for every count and a published basis for every median or share', () => {
    // A count without a key sum would be published with the noise of key 0 on every cell: exact.
    for (const [id, measure] of Object.entries(MEASURES)) {
      if (measure.isAdditive) expect(KEY_SUMS[id as MeasureId], id).toBeDefined();
      else expect(BASIS[id as MeasureId]?.length, id).toBeGreaterThan(0);
    }
  });
});
