import { DOCUMENT_TYPES } from '../../../../src/dossiers/documents/required-documents.ts';
import { formatKbo } from '../../format.ts';
import type { Translate } from '../../i18n.ts';
import { formatDate } from '../employer/labels.ts';
import type { SignalFact, SignalKind } from './inspector-types.ts';

/**
 * How a signal's evidence reads: each compared value in the reader's language (money, shares, days,
 * dates, enterprise numbers), its source by name, the moment of reading in Brussels time.
 */

const MONEY = new Set(['promisedAnnualSalary', 'promisedPerHour', 'wagesDeclared', 'paidPerHour']);
const SHARES = new Set(['paidShare', 'leftShare', 'employmentFraction', 'nonEuShare']);
const ENTERPRISES = new Set(['authorisedEmployer', 'declaredEmployer']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_FACTS = new Set([
  'promisedAnnualSalary',
  'employmentFraction',
  'promisedPerHour',
  'quarters',
  'wagesDeclared',
  'hoursDeclared',
  'paidPerHour',
  'paidShare',
  'authorisedEmployer',
  'declaredEmployer',
  'declaredFrom',
  'validFrom',
  'validUntil',
  'expectedBy',
  'periodsWithEmployer',
  'employmentEnded',
  'workStarted',
  'declaredOn',
  'employedWholeQuarter',
  'quartersWithoutDmfa',
  'enterpriseStatus',
  'endDate',
  'firstGrant',
  'directorSince',
  'sanctionOn',
  'sanctionKind',
  'sanctionUntil',
  'authorisations',
  'workersStarted',
  'leftWithinDays',
  'leftShare',
  'workersAtAddress',
  'address',
  'staffHeadcount',
  'nonEuHeadcount',
  'nonEuShare',
  'minimumHeadcount',
  'addressAtFiling',
  'addressNow',
  'reportsAdmissible',
  'reportsUntriaged',
  'reportsTotal',
  'repeatedFiles',
  'workersSharingFile',
  'documentType',
  'otherEmployers',
]);
const KNOWN_SOURCES = new Set(['LOKET', 'kbo', 'national-register', 'dimona', 'dmfa', 'sanctions']);
const KNOWN_STATUSES = new Set(['ACTIVE', 'BANKRUPT', 'STOPPED']);
const KNOWN_SANCTIONS = new Set(['EXCLUSION', 'ADMINISTRATIVE_FINE']);
const SANCTION_SUBJECTS = new Set(['EMPLOYER', 'DIRECTOR']);

export function factName(t: Translate, name: string): string {
  return KNOWN_FACTS.has(name) ? t(`inspector.facts.${name as 'quarters'}`) : t('inspector.facts.other');
}

export function sourceName(t: Translate, source: string): string {
  return KNOWN_SOURCES.has(source) ? t(`inspector.sources.${source as 'LOKET'}`) : source;
}

export function factValue(t: Translate, lang: string, fact: SignalFact): string {
  const { name, value } = fact;
  if (value === null) return t('inspector.facts.none');
  if (typeof value === 'boolean') return value ? t('inspector.facts.yes') : t('inspector.facts.no');
  if (typeof value === 'number') {
    if (MONEY.has(name))
      return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(value);
    if (SHARES.has(name)) return new Intl.NumberFormat(lang, { style: 'percent' }).format(value);
    return new Intl.NumberFormat(lang).format(value);
  }
  if (ENTERPRISES.has(name) && /^\d{10}$/.test(value)) return formatKbo(value);
  if (name === 'enterpriseStatus' && KNOWN_STATUSES.has(value))
    return t(`inspector.enterpriseStatuses.${value as 'ACTIVE'}`);
  if (name === 'sanctionOn' && SANCTION_SUBJECTS.has(value))
    return t(`inspector.sanctionSubjects.${value as 'EMPLOYER'}`);
  if (name === 'sanctionKind' && KNOWN_SANCTIONS.has(value))
    return t(`inspector.sanctionKinds.${value as 'EXCLUSION'}`);
  if (name === 'documentType' && (DOCUMENT_TYPES as readonly string[]).includes(value))
    return t(`staff.documentTypes.${value as 'PASSPORT'}`);
  if (ISO_DATE.test(value)) return formatDate(lang, value);
  return value;
}

/** A register's moment of reading (a timestamp) or the dossier's day (a date). */
export function readAt(lang: string, at: string): string {
  if (ISO_DATE.test(at)) return formatDate(lang, at);
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(new Date(at));
}

const SHARE_RULES = new Set<SignalKind>(['WAGE_BELOW_PROMISE', 'HUB', 'NON_EU_STAFF']);
const DAY_RULES = new Set<SignalKind>([
  'NOT_DECLARED',
  'DECLARED_ELSEWHERE',
  'EMPLOYMENT_ENDED',
  'LATE_DIMONA',
  'DMFA_MISSING',
]);

/** The rule's value as its signal uses it: a share, a number of days, a number of workers. */
export function ruleValue(lang: string, kind: SignalKind, value: number): string {
  if (SHARE_RULES.has(kind)) return new Intl.NumberFormat(lang, { style: 'percent' }).format(value);
  if (DAY_RULES.has(kind)) return new Intl.NumberFormat(lang).format(value);
  return new Intl.NumberFormat(lang).format(value);
}
