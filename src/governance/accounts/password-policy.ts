import { readFileSync } from 'node:fs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits.ts';

/**
 * The password policy of local accounts (NIST SP 800-63B §5.1.1.2: length and a blocklist, no
 * composition rules): at least 12 characters, at most 128, not a common password (the list shipped
 * in common-passwords.txt), not the username, not one character repeated. Pure apart from reading
 * the list once.
 */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsUsername' | 'repetitive';

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/** The forms of a password checked against the list: as typed, and without digits and signs around it. */
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const forms = [lower, core];
  // "wachtwoordwachtwoord", "loket2026loket2026": a listed word said twice or more.
  const repeated = /^(.+?)\1+$/.exec(core);
  if (repeated?.[1]) forms.push(repeated[1]);
  return forms.filter((form) => form !== '');
}

/** What is wrong with `password` for the account `username`, or null when it may be used. */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (/^(.)\1*$/u.test(password)) return 'repetitive';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'containsUsername';
  const list = commonPasswords();
  if (variants(password).some((form) => list.has(form))) return 'common';
  return null;
}
