import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long uncommon passphrase', () => {
    expect(checkPassword('paars fietsje onder de brug', 'jan')).toBeNull();
  });

  it('refuses short and overlong passwords', () => {
    expect(checkPassword('kort-genoeg', 'jan')).toBe('tooShort');
    expect(checkPassword('x'.repeat(60) + 'y'.repeat(69), 'jan')).toBe('tooLong');
  });

  it('refuses listed passwords, also with digits and signs around them or said twice', () => {
    expect(checkPassword('123456789012', 'jan')).toBe('common');
    expect(checkPassword('Wachtwoord2026!', 'jan')).toBe('common');
    expect(checkPassword('!!Motdepasse!!', 'jan')).toBe('common');
    expect(checkPassword('welkomwelkomwelkom', 'jan')).toBe('common');
    expect(checkPassword('Loket-demo-2026', 'jan')).toBe('common');
  });

  it('refuses the username inside the password and one repeated character', () => {
    expect(checkPassword('socialsecretariaat-2026', 'SocialSecretariaat')).toBe('containsUsername');
    expect(checkPassword('zzzzzzzzzzzzzz', 'jan')).toBe('repetitive');
  });
});
