import { formatKbo } from '../../format.ts';
import type { Translate } from '../../i18n.ts';
import { formatDate, formatEuro, labelOf } from './staff-format.ts';
import type { RegisterFinding } from './staff-types.ts';

/**
 * Pure helpers of the register section: what the registers said, in words a case handler reads
 * (policy note 002 §2.9: facts from the authentic sources, each with where and when it was asked).
 */

/** The kind of subject a register was asked about: `enterprise:0403170701` → `enterprise`. */
export function subjectKind(subject: string): string {
  const colon = subject.indexOf(':');
  return colon === -1 ? subject : subject.slice(0, colon);
}

/** A moment as date and time on Belgian time (registers answer within seconds; the date alone says too little). */
export function formatDateTime(iso: string | null | undefined, lang: string, none = '—'): string {
  if (!iso) return none;
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`, {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(moment);
}

const isMissing = (value: unknown) => value === null || value === undefined || value === '';

/** A declared or registered value of a compared fact, formatted by what the fact is. */
export function formatRegisterValue(t: Translate, fact: string, value: unknown, lang: string): string {
  if (isMissing(value)) return t('staff.register.notGiven');
  if (fact === 'worker.birthDate' && typeof value === 'string') return formatDate(value);
  // A nationality by its country's name in the reader's language, not its code ("BR").
  if (fact === 'worker.nationality' && typeof value === 'string' && /^[A-Z]{2}$/.test(value))
    return new Intl.DisplayNames([lang], { type: 'region' }).of(value) ?? value;
  if ((fact === 'worker.sex' || fact === 'worker.location') && typeof value === 'string')
    return labelOf(t, 'options', value);
  if (fact === 'job.grossAnnualSalary' && typeof value === 'number') return formatEuro(value, lang);
  if (typeof value === 'boolean') return value ? t('staff.common.yes') : t('staff.common.no');
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

const text = (value: unknown) => (isMissing(value) ? '—' : String(value));
/** An enterprise number as the KBO writes it (0403.170.701); anything else as it came. */
export const formatEnterpriseNumber = (value: unknown) => formatKbo(text(value));
const formatEnterpriseNumbers = (value: unknown) =>
  Array.isArray(value) ? value.map(formatEnterpriseNumber).join(', ') : formatEnterpriseNumber(value);

/**
 * One finding as a sentence with its facts (map-register-facts.ts names them). The list of codes
 * may grow on the server: a code this page does not know yet is shown by its code.
 */
export function describeFinding(t: Translate, finding: RegisterFinding, lang: string): string {
  const facts = finding.facts ?? {};
  switch (finding.code) {
    case 'ENTERPRISE_UNKNOWN':
      return t('staff.register.findings.ENTERPRISE_UNKNOWN', {
        enterpriseNumber: formatEnterpriseNumber(facts.enterpriseNumber),
      });
    case 'ENTERPRISE_NOT_ACTIVE': {
      const status = labelOf(t, 'register.enterpriseStatuses', text(facts.status));
      return isMissing(facts.since)
        ? t('staff.register.findings.ENTERPRISE_NOT_ACTIVE', { status })
        : t('staff.register.findings.ENTERPRISE_NOT_ACTIVE_SINCE', {
            status,
            since: formatDate(String(facts.since)),
          });
    }
    case 'ENTERPRISE_YOUNG':
      return t('staff.register.findings.ENTERPRISE_YOUNG', { startDate: formatDate(text(facts.startDate)) });
    case 'PERSON_UNKNOWN':
      return t('staff.register.findings.PERSON_UNKNOWN');
    case 'IDENTITY_MISMATCH': {
      const fields = Array.isArray(facts.fields) ? facts.fields.map(String) : [];
      return t('staff.register.findings.IDENTITY_MISMATCH', {
        fields: fields.map((fact) => labelOf(t, 'register.facts', fact)).join(', ') || '—',
      });
    }
    case 'WORKER_ALREADY_EMPLOYED_IN_BELGIUM':
      return t('staff.register.findings.WORKER_ALREADY_EMPLOYED_IN_BELGIUM', {
        employers: formatEnterpriseNumbers(facts.employers),
        since: isMissing(facts.since) ? '—' : formatDate(String(facts.since)),
      });
    case 'WAGE_BELOW_PROMISED':
      return t('staff.register.findings.WAGE_BELOW_PROMISED', {
        paid: typeof facts.paidAnnualised === 'number' ? formatEuro(facts.paidAnnualised, lang) : '—',
        promised: typeof facts.promised === 'number' ? formatEuro(facts.promised, lang) : '—',
        quarters: text(facts.quarters),
      });
    case 'VACANCY_UNKNOWN':
      return t('staff.register.findings.VACANCY_UNKNOWN', { vacancyReference: text(facts.vacancyReference) });
    case 'VACANCY_MISMATCH': {
      const parts = [
        facts.publications === true ? t('staff.register.findings.VACANCY_PUBLICATIONS') : '',
        isMissing(facts.otherEmployer)
          ? ''
          : t('staff.register.findings.VACANCY_OTHER_EMPLOYER', {
              enterpriseNumber: formatEnterpriseNumber(facts.otherEmployer),
            }),
      ].filter(Boolean);
      return parts.length > 0 ? parts.join(' ') : t('staff.register.findings.VACANCY_MISMATCH');
    }
    case 'RECOGNITION_UNKNOWN':
      return t('staff.register.findings.RECOGNITION_UNKNOWN', { naricReference: text(facts.naricReference) });
    case 'RECOGNITION_MISSING': {
      // A decided file says how (refused); an open one says how far it got.
      const state = isMissing(facts.decision) ? text(facts.status) : String(facts.decision);
      return t('staff.register.findings.RECOGNITION_MISSING', {
        status: labelOf(t, 'register.recognitionStates', state),
      });
    }
    default:
      return t('staff.register.findings.unknown', { code: finding.code });
  }
}

/**
 * The summary line above the register findings: a difference between the application and a
 * register is a point of attention too, so "no points of attention" is only said when the check
 * is complete with neither findings nor differences.
 */
export function registerSummary(check: {
  status: string;
  findings: readonly unknown[];
  comparisons: readonly { isMismatch: boolean }[];
}): { kind: 'differences'; count: number } | { kind: 'noFindings' } | null {
  const count = check.comparisons.filter((row) => row.isMismatch).length;
  if (count > 0) return { kind: 'differences', count };
  if (check.findings.length === 0 && check.status === 'COMPLETE') return { kind: 'noFindings' };
  return null;
}
