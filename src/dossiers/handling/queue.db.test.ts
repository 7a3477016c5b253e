import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { loadDemoDossiers } from '../../demo/demo-dossiers.ts';
import { QUEUE_STATUSES } from './queue-statuses.ts';

interface QueueAnswer {
  total: number;
  items: Array<{
    id: string;
    number: string;
    status: string;
    workerName: string | null;
    enterpriseNumber: string;
  }>;
}

describe('the staff queue over the demo dossiers', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let caseHandler: Session;
  const today = '2026-03-02';

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    await loadDemoDossiers(database.db, today);
    testApp = await createTestApp(database, {}, { now: () => new Date(`${today}T09:00:00Z`) });
    caseHandler = await signIn(testApp.app, 'behandelaar', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const queue = async (query: string): Promise<QueueAnswer> => {
    const response = await caseHandler.request('GET', `/api/v1/queue?scope=all&limit=500&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('finds closed dossiers by their status, as many as the database holds', async () => {
    const counts = await database.db
      .selectFrom('dossiers')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const inDatabase = new Map(counts.map((row) => [row.status, Number(row.n)]));
    for (const status of ['DECIDED_GRANTED', 'DECIDED_REFUSED', 'INADMISSIBLE', 'WITHDRAWN'] as const) {
      const found = await queue(`status=${status}`);
      expect(inDatabase.get(status), status).toBeGreaterThan(0);
      expect(found.total, status).toBe(inDatabase.get(status));
      expect(new Set(found.items.map((item) => item.status))).toEqual(new Set([status]));
    }
    // Every status the filter offers answers; none is a draft.
    for (const status of QUEUE_STATUSES) await queue(`status=${status}`);
    expect(QUEUE_STATUSES).not.toContain('DRAFT');
  });

  it('gives every page, and a page past the end, the total of the whole queue', async () => {
    const whole = await queue('');
    expect(whole.total).toBeGreaterThan(3);
    const pages = await Promise.all(
      [0, 2, whole.total - 1, whole.total, whole.total + 10].map(async (offset) => {
        const response = await caseHandler.request('GET', `/api/v1/queue?scope=all&limit=2&offset=${offset}`);
        return response.json() as QueueAnswer;
      }),
    );
    expect(pages.map((page) => page.total)).toEqual(pages.map(() => whole.total));
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1, 0, 0]);
    expect(pages[1]?.items.map((item) => item.id)).toEqual(whole.items.slice(2, 4).map((item) => item.id));
  });

  it('keeps the unfiltered queue to open dossiers and refuses the draft filter, naming the field', async () => {
    const open = await queue('');
    expect(open.items.length).toBeGreaterThan(0);
    for (const item of open.items) {
      expect(['DECIDED_GRANTED', 'DECIDED_REFUSED', 'INADMISSIBLE', 'WITHDRAWN', 'DRAFT']).not.toContain(
        item.status,
      );
    }
    const drafts = await caseHandler.request('GET', '/api/v1/queue?status=DRAFT');
    expect(drafts.statusCode).toBe(400);
    expect(drafts.json().error.fields[0]).toMatchObject({ path: 'query.status' });
  });

  it('searches by dossier number, worker name and enterprise number', async () => {
    const granted = (await queue('status=DECIDED_GRANTED')).items[0]!;
    const byNumber = await queue(`status=DECIDED_GRANTED&q=${encodeURIComponent(granted.number)}`);
    expect(byNumber.items.map((item) => item.id)).toEqual([granted.id]);

    const familyName = granted.workerName!.split(' ').at(-1)!;
    const byName = await queue(`status=DECIDED_GRANTED&q=${encodeURIComponent(familyName.toLowerCase())}`);
    expect(byName.items.map((item) => item.id)).toContain(granted.id);
    for (const item of byName.items)
      expect(item.workerName?.toLowerCase()).toContain(familyName.toLowerCase());

    const dotted = granted.enterpriseNumber.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1.$2.$3');
    const byEnterprise = await queue(`status=DECIDED_GRANTED&q=${encodeURIComponent(dotted)}`);
    expect(byEnterprise.items.map((item) => item.id)).toContain(granted.id);
    for (const item of byEnterprise.items) expect(item.enterpriseNumber).toBe(granted.enterpriseNumber);

    expect((await queue('q=no-such-dossier-%25')).total).toBe(0);
  });

  it('logs each list read by staff as one audit event naming the dossiers shown', async () => {
    const before = await database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'DOSSIER_LIST_READ')
      .execute();
    const page = await queue('status=DECIDED_GRANTED');
    const events = await database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'DOSSIER_LIST_READ')
      .orderBy('id', 'desc')
      .execute();
    expect(events.length).toBe(before.length + 1);
    expect(events[0]?.actor_user_id).toBeTruthy();
    expect(events[0]?.details).toEqual({ what: 'queue', dossiers: page.items.map((item) => item.id) });
  });

  it("logs the supervisor's notifications and workload as one audit event each, not one per row", async () => {
    const supervisor = await signIn(testApp.app, 'teamleider', DEMO_PASSWORD);
    const someDossiers = await database.db.selectFrom('dossiers').select('id').limit(3).execute();
    await database.db
      .insertInto('staff_notifications')
      .values(
        someDossiers.map((d) => ({
          recipient_role: 'SUPERVISOR',
          kind: 'REVOCATION_TO_DECIDE',
          dossier_id: d.id,
          created_on: today,
        })),
      )
      .execute();
    const listReads = () =>
      database.db
        .selectFrom('audit_events')
        .select(['actor_user_id', 'details'])
        .where('action', '=', 'DOSSIER_LIST_READ')
        .orderBy('id')
        .execute();
    const before = (await listReads()).length;
    const notifications = await supervisor.request('GET', '/api/v1/staff/notifications');
    expect(notifications.statusCode, notifications.body).toBe(200);
    const shown = (notifications.json().notifications as { dossierId: string }[]).map((n) => n.dossierId);
    expect(shown).toEqual(expect.arrayContaining(someDossiers.map((d) => d.id)));
    const workload = await supervisor.request('GET', '/api/v1/supervision/workload');
    expect(workload.statusCode, workload.body).toBe(200);
    const events = (await listReads()).slice(before);
    expect(events.map((e) => e.details)).toEqual([
      { what: 'notifications', dossiers: shown },
      { what: 'workload', dossiers: [] },
    ]);
    expect(new Set(events.map((e) => e.actor_user_id)).size).toBe(1);
    expect(events[0]?.actor_user_id).toBeTruthy();
  });

  it('finds a closed dossier by a search without a status filter, with no deadline signal on it', async () => {
    const granted = (await queue('status=DECIDED_GRANTED')).items[0]!;
    const found = await queue(`q=${encodeURIComponent(granted.number)}`);
    expect(found.items.map((item) => item.id)).toEqual([granted.id]);
    for (const item of (await queue('status=DECIDED_GRANTED')).items) {
      expect(item).toMatchObject({ dueDate: null, daysLeft: null, isOverdue: false, isAtRisk: false });
    }
  });

  it('sorts on the server by a column, either way, stable across pages', async () => {
    const all = await queue('status=DECIDED_GRANTED&sort=number&direction=asc');
    const numbers = all.items.map((item) => item.number);
    expect(numbers).toEqual([...numbers].sort());
    const descending = await queue('status=DECIDED_GRANTED&sort=number&direction=desc');
    expect(descending.items.map((item) => item.number)).toEqual([...numbers].reverse());

    // Many dossiers share a category: pages of 3 still add up to the whole list, each once.
    const whole = (await queue('sort=category')).items.map((item) => item.id);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.length; offset += 3) {
      const response = await caseHandler.request(
        'GET',
        `/api/v1/queue?scope=all&sort=category&limit=3&offset=${offset}`,
      );
      paged.push(...response.json().items.map((item: { id: string }) => item.id));
    }
    expect(paged).toEqual(whole);
    const categories = (await queue('sort=category&direction=desc')).items.map(
      (item) => (item as unknown as { category: string }).category,
    );
    expect(categories).toEqual([...categories].sort().reverse());

    const bad = await caseHandler.request('GET', '/api/v1/queue?sort=salary&direction=up');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['query.direction', 'query.sort']);
  });

  it('keeps saved filters per user: save, replace by name, list, delete, all audited', async () => {
    const supervisor = await signIn(testApp.app, 'teamleider', DEMO_PASSWORD);
    const query = { scope: 'all', status: 'DECIDED_REFUSED', q: 'VL-', sort: 'number', direction: 'desc' };
    const saved = await caseHandler.request('POST', '/api/v1/staff/saved-filters', {
      name: ' Weigeringen ',
      query,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ name: 'Weigeringen', query });
    const replaced = await caseHandler.request('POST', '/api/v1/staff/saved-filters', {
      name: 'Weigeringen',
      query: { ...query, direction: 'asc' },
    });
    expect(replaced.json().id).toBe(saved.json().id);

    const mine = (await caseHandler.request('GET', '/api/v1/staff/saved-filters')).json().filters;
    expect(mine).toEqual([
      expect.objectContaining({ name: 'Weigeringen', query: { ...query, direction: 'asc' } }),
    ]);
    // Another user neither sees nor deletes it.
    expect((await supervisor.request('GET', '/api/v1/staff/saved-filters')).json().filters).toEqual([]);
    expect(
      (await supervisor.request('DELETE', `/api/v1/staff/saved-filters/${saved.json().id}`)).statusCode,
    ).toBe(404);

    const invalid = await caseHandler.request('POST', '/api/v1/staff/saved-filters', {
      name: '   ',
      query: { status: 'DRAFT' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['query.status']);
    const blank = await caseHandler.request('POST', '/api/v1/staff/saved-filters', {
      name: '   ',
      query: {},
    });
    expect(blank.json().error.fields).toEqual([expect.objectContaining({ path: 'name', rule: 'required' })]);

    expect(
      (await caseHandler.request('DELETE', `/api/v1/staff/saved-filters/${saved.json().id}`)).statusCode,
    ).toBe(204);
    expect((await caseHandler.request('GET', '/api/v1/staff/saved-filters')).json().filters).toEqual([]);
    const events = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', saved.json().id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'STAFF_FILTER_SAVED',
      'STAFF_FILTER_SAVED',
      'STAFF_FILTER_DELETED',
    ]);
    const employer = await signIn(testApp.app, 'werkgever', DEMO_PASSWORD);
    expect((await employer.request('GET', '/api/v1/staff/saved-filters')).statusCode).toBe(403);
  });
});
