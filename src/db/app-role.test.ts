import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.ts';
import { databaseOfUrl, managedAppRoleName, roleOfUrl, scramVerifier, urlAsRole } from './app-role.ts';

describe('the app role, without a database', () => {
  it('is named after its database, within PostgreSQL’s 63 bytes', () => {
    expect(managedAppRoleName('loket')).toBe('loket_app');
    const long = managedAppRoleName('d'.repeat(63));
    expect(long).toMatch(/^loket_app_[0-9a-f]{24}$/);
    expect(managedAppRoleName('e'.repeat(63))).not.toBe(long);
  });

  it('keeps the owner’s server, database and options in its URL, with its own name and password', () => {
    const url = urlAsRole(
      'postgres://owner:s3cret@db.example:6543/loket?sslmode=require',
      'loket_app',
      'a/b@c',
    );
    expect(url).toBe('postgres://loket_app:a%2Fb%40c@db.example:6543/loket?sslmode=require');
    expect(roleOfUrl(url)).toBe('loket_app');
    expect(databaseOfUrl(url)).toBe('loket');
  });

  it('is created with a SCRAM-SHA-256 verifier, never the password itself', () => {
    const verifier = scramVerifier('pencil', Buffer.alloc(16, 1));
    expect(verifier).toMatch(
      /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$/,
    );
    expect(verifier).not.toContain('pencil');
    expect(scramVerifier('pencil', Buffer.alloc(16, 1))).toBe(verifier);
    expect(scramVerifier('pencil')).not.toBe(verifier); // a fresh salt each time
  });

  it('is configured by LOKET_APP_DATABASE_URL, which names its role and needs the owner’s DATABASE_URL', () => {
    const owner = 'postgres://owner@db/loket';
    expect(loadConfig({ DATABASE_URL: owner }).appDatabaseUrl).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: owner, LOKET_APP_DATABASE_URL: 'postgres://app:pw@db/loket' })
        .appDatabaseUrl,
    ).toBe('postgres://app:pw@db/loket');
    expect(() => loadConfig({ LOKET_APP_DATABASE_URL: 'postgres://app:pw@db/loket' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: owner, LOKET_APP_DATABASE_URL: 'postgres://db/loket' })).toThrow(
      /naming its role/,
    );
  });
});
