import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousSession,
  createTestApp,
  type Session,
  signIn,
  type TestApp,
} from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';

const AGENT = {
  username: 'sociaal-secretariaat',
  displayName: 'Sociaal secretariaat Zuid',
  role: 'EMPLOYER',
  enterpriseNumber: '0403.170.701',
  email: 'dossiers@secretariaat.example',
  preferredLang: 'fr',
  mandates: [
    { enterpriseNumber: '0202239951', enterpriseName: 'Proximus' },
    { enterpriseNumber: '0403 448 140', enterpriseName: null },
  ],
};

describe('accounts (issue 15)', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let admin: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    // The session cache on, as in production: a disabled account must still fail at once here.
    testApp = await createTestApp(database, { sessionCacheMs: 60_000 });
    admin = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  async function linkTokenFor(username: string): Promise<string> {
    const mail = await database.db
      .selectFrom('mail_outbox')
      .select(['body_text', 'recipient'])
      .where('kind', '=', 'ACCOUNT_LINK')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(username);
    const token = /\/password#([A-Za-z0-9_-]+)/.exec(mail.body_text ?? '')?.[1];
    expect(token).toBeDefined();
    return token as string;
  }

  it('creates an agent with two mandates, mails a set-password link and audits it', async () => {
    const created = await admin.request('POST', '/api/v1/accounts', AGENT);
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      username: 'sociaal-secretariaat',
      role: 'EMPLOYER',
      enterpriseNumber: '0403170701',
      signIn: 'PENDING',
      disabledAt: null,
      mandates: [
        { enterpriseNumber: '0202239951', enterpriseName: 'Proximus' },
        { enterpriseNumber: '0403448140', enterpriseName: null },
      ],
    });
    const mail = await database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'ACCOUNT_LINK')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      recipient: AGENT.email,
      lang: 'fr',
      audience: 'ACCOUNT',
      dossier_number: null,
    });
    expect(mail.subject).toBe('Choisissez votre mot de passe pour Loket');
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', account.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'ACCOUNT_CREATED',
        details: expect.objectContaining({
          mandates: ['0202239951', '0403448140'],
          passwordLinkMailed: true,
        }),
      },
    ]);
    // Cannot sign in before the password is set.
    const anonymous = await anonymousSession(testApp.app);
    const login = await anonymous.request('POST', '/api/v1/session', {
      username: AGENT.username,
      password: 'x',
    });
    expect(login.statusCode).toBe(401);
  });

  it('refuses bad input naming the field and the rule', async () => {
    const duplicate = await admin.request('POST', '/api/v1/accounts', AGENT);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields).toEqual([
      expect.objectContaining({ path: 'body.username', rule: 'usernameTaken' }),
    ]);
    const bad = await admin.request('POST', '/api/v1/accounts', {
      ...AGENT,
      username: 'iemand-anders',
      role: 'CASE_HANDLER',
      mandates: [{ enterpriseNumber: '0403170702' }, { enterpriseNumber: '0403170702' }],
    });
    expect(bad.statusCode).toBe(400);
    const rules = bad.json().error.fields.map((f: { path: string; rule: string }) => `${f.path}:${f.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'body.enterpriseNumber:enterpriseNotForRole',
        'body.mandates:enterpriseNotForRole',
        'body.mandates.0.enterpriseNumber:enterpriseNumber',
      ]),
    );
    const noEnterprise = await admin.request('POST', '/api/v1/accounts', {
      ...AGENT,
      username: 'zonder-onderneming',
      enterpriseNumber: null,
      mandates: [],
    });
    expect(noEnterprise.json().error.fields[0]).toMatchObject({
      path: 'body.enterpriseNumber',
      rule: 'enterpriseRequired',
    });
  });

  it('lets the user set a password through the link once, under the password policy', async () => {
    const token = await linkTokenFor(AGENT.username);
    const anonymous = await anonymousSession(testApp.app);
    const check = await anonymous.request('POST', '/api/v1/password-links/check', { token });
    expect(check.json()).toEqual({ username: AGENT.username, purpose: 'SET' });
    const weak = await anonymous.request('POST', '/api/v1/password-links/use', {
      token,
      password: 'Wachtwoord2026!',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0]).toMatchObject({ path: 'body.password', rule: 'common' });
    const ok = await anonymous.request('POST', '/api/v1/password-links/use', {
      token,
      password: 'vier kleine olifanten dansen',
    });
    expect(ok.statusCode).toBe(204);
    const again = await anonymous.request('POST', '/api/v1/password-links/use', {
      token,
      password: 'nog een heel ander wachtwoord',
    });
    expect(again.json().error.fields[0]).toMatchObject({ path: 'body.token', rule: 'linkInvalid' });
    const agent = await signIn(testApp.app, AGENT.username, 'vier kleine olifanten dansen');
    const enterprises = await agent.request('GET', '/api/v1/session');
    expect(enterprises.json().user.username).toBe(AGENT.username);
    const list = await admin.request('GET', '/api/v1/accounts');
    const listed = list.json().accounts.find((a: { username: string }) => a.username === AGENT.username);
    expect(listed).toMatchObject({ signIn: 'PASSWORD', lastLoginVia: 'PASSWORD' });
    expect(listed.lastLoginAt).not.toBeNull();
  });

  it('ends the sessions of a disabled account at once, also when its session was cached', async () => {
    const worker = await signIn(testApp.app, 'behandelaar', DEMO_PASSWORD);
    expect((await worker.request('GET', '/api/v1/workspaces/case-handler')).statusCode).toBe(200);
    const list = await admin.request('GET', '/api/v1/accounts');
    const id = list.json().accounts.find((a: { username: string }) => a.username === 'behandelaar').id;
    const disabled = await admin.request('POST', `/api/v1/accounts/${id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await worker.request('GET', '/api/v1/workspaces/case-handler')).statusCode).toBe(401);
    await expect(signIn(testApp.app, 'behandelaar', DEMO_PASSWORD)).rejects.toThrow(/401/);
    const enabled = await admin.request('POST', `/api/v1/accounts/${id}/enable`);
    expect(enabled.json().disabledAt).toBeNull();
    await signIn(testApp.app, 'behandelaar', DEMO_PASSWORD);
    const actions = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'ACCOUNT_DISABLED', details: { sessionsEnded: 1, wasDisabled: false } },
      { action: 'ACCOUNT_ENABLED', details: {} },
    ]);
  });

  it('refuses an administrator disabling or demoting themselves', async () => {
    const me = (await admin.request('GET', '/api/v1/session')).json().user;
    const disable = await admin.request('POST', `/api/v1/accounts/${me.id}/disable`);
    expect(disable.json().error.fields[0]).toMatchObject({ path: 'params.id', rule: 'self' });
    const demote = await admin.request('PUT', `/api/v1/accounts/${me.id}`, {
      displayName: me.displayName,
      role: 'ANALYST',
      enterpriseNumber: null,
      email: null,
      preferredLang: 'nl',
      mandates: [],
    });
    expect(demote.json().error.fields[0]).toMatchObject({ path: 'body.role', rule: 'self' });
  });

  it('changes a role at once for a signed-in user, and a reset link replaces the older one', async () => {
    const analyst = await signIn(testApp.app, 'analist', DEMO_PASSWORD);
    const list = await admin.request('GET', '/api/v1/accounts');
    const account = list.json().accounts.find((a: { username: string }) => a.username === 'analist');
    const changed = await admin.request('PUT', `/api/v1/accounts/${account.id}`, {
      displayName: account.displayName,
      role: 'INSPECTOR',
      enterpriseNumber: null,
      email: 'lotte@loket.example',
      preferredLang: 'en',
      mandates: [],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await analyst.request('GET', '/api/v1/session')).json().user.role).toBe('INSPECTOR');
    expect((await admin.request('POST', `/api/v1/accounts/${account.id}/password-link`)).statusCode).toBe(
      202,
    );
    const first = await linkTokenFor('analist');
    await admin.request('POST', `/api/v1/accounts/${account.id}/password-link`);
    const second = await linkTokenFor('analist');
    const anonymous = await anonymousSession(testApp.app);
    expect(
      (await anonymous.request('POST', '/api/v1/password-links/check', { token: first })).statusCode,
    ).toBe(400);
    expect(
      (await anonymous.request('POST', '/api/v1/password-links/check', { token: second })).json(),
    ).toEqual({
      username: 'analist',
      purpose: 'RESET',
    });
    await anonymous.request('POST', '/api/v1/password-links/use', {
      token: second,
      password: 'een heel nieuw geheim zinnetje',
    });
    // The password change ends the sessions opened with the old one.
    expect((await analyst.request('GET', '/api/v1/session')).json().user).toBeNull();
  });
});
