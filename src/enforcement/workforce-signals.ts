import { isNonEuNationality } from '../dossiers/register-check/eu-nationalities.ts';
import type { Address } from '../sources/index.ts';
import type { MonitoredAuthorisation, RegisterReading, Signal, SignalFact } from './monitoring-types.ts';
import type { RiskParameters } from './risk-parameters.ts';

/**
 * Two employer signals from the registers, pure: the staff as a whole (Dimona) by nationality
 * (national register), and the KBO's registered address against the one at filing. Both are
 * reasons to look, never proof: an international branch legally employs mostly non-EU staff, and
 * enterprises move for ordinary reasons.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * "Almost only non-European staff" (policy note 002 §2.1; a refusal and withdrawal ground from
 * 2026): of the employer's staff running in Dimona on the day of reading, the share whose
 * nationality is outside the EU, the EEA and Switzerland. Judged only from the refusal rule's own
 * minimum headcount and when every staff member's nationality was read (else it waits for the next
 * run: a partial count would say nothing).
 */
export function nonEuStaffSignal(
  enterpriseNumber: string,
  reading: RegisterReading,
  params: RiskParameters,
): Signal | null {
  const staff = reading.staff.get(enterpriseNumber);
  if (!staff) return null;
  const members = [...new Set(staff.value.map((p) => p.insz))];
  if (members.length < params.nonEuMinimumHeadcount.value) return null;
  let nonEu = 0;
  let lastRead: { at: string; requestId: string } | null = null;
  for (const insz of members) {
    const person = reading.persons.get(insz);
    if (!person?.value) return null;
    if (isNonEuNationality(person.value.nationality)) nonEu++;
    if (lastRead === null || person.readAt > lastRead.at)
      lastRead = { at: person.readAt, requestId: person.requestId };
  }
  const share = nonEu / members.length;
  const threshold = params.nonEuMinimumShare;
  if (share < threshold.value || lastRead === null) return null;
  const fromStaff = (name: string, value: number): SignalFact => ({
    name,
    value,
    source: staff.source,
    at: staff.readAt,
    requestId: staff.requestId,
  });
  const fromPersons = (name: string, value: number): SignalFact => ({
    name,
    value,
    source: 'national-register',
    at: lastRead.at,
    requestId: lastRead.requestId,
  });
  return {
    kind: 'NON_EU_STAFF',
    enterpriseNumber,
    authorisationId: null,
    points: params.points.value.NON_EU_STAFF,
    facts: [
      fromStaff('staffHeadcount', members.length),
      fromPersons('nonEuHeadcount', nonEu),
      fromPersons('nonEuShare', round2(share)),
      {
        name: 'minimumHeadcount',
        value: params.nonEuMinimumHeadcount.value,
        source: 'LOKET',
        at: params.nonEuMinimumHeadcount.validFrom,
      },
    ],
    rule: {
      parameter: threshold.name,
      value: threshold.value,
      validFrom: threshold.validFrom,
      legalBasis: `${threshold.legalBasis}; policy note 002 §2.1 (refusal and withdrawal ground, BVR 7 Dec 2018 as amended from 2026-01-01)`,
    },
  };
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function sameAddress(a: Address, b: Address): boolean {
  return (
    normalise(a.street) === normalise(b.street) &&
    normalise(a.houseNumber) === normalise(b.houseNumber) &&
    normalise(a.postalCode) === normalise(b.postalCode)
  );
}

export const formatAddress = (a: Address) =>
  `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.municipality}`;

/**
 * The KBO's registered address now against the one the register check read at the employer's most
 * recent filing among its monitored authorisations: a move since then is one the service has not
 * seen (a move an application already showed is known). Weak alone; a shell moving to a
 * domiciliation address is what it can help to find, beside other signals.
 */
export function movedSignal(
  enterpriseNumber: string,
  auths: readonly MonitoredAuthorisation[],
  reading: RegisterReading,
  params: RiskParameters,
): Signal | null {
  const kbo = reading.enterprises.get(enterpriseNumber);
  const now = kbo?.value?.registeredAddress;
  if (!kbo || !now) return null;
  const filed = auths
    .flatMap((a) => (a.filedEmployerAddress ? [a.filedEmployerAddress] : []))
    .sort((a, b) => b.readAt.localeCompare(a.readAt))[0];
  if (!filed || sameAddress(filed.address, now)) return null;
  return {
    kind: 'EMPLOYER_MOVED',
    enterpriseNumber,
    authorisationId: null,
    points: params.points.value.EMPLOYER_MOVED,
    facts: [
      {
        name: 'addressAtFiling',
        value: formatAddress(filed.address),
        source: 'kbo',
        at: filed.readAt,
        requestId: filed.requestId,
      },
      {
        name: 'addressNow',
        value: formatAddress(now),
        source: kbo.source,
        at: kbo.readAt,
        requestId: kbo.requestId,
      },
    ],
    rule: {
      parameter: 'KBO registered address',
      value: 0,
      validFrom: filed.readAt.slice(0, 10),
      legalBasis:
        'Wetboek van economisch recht boek III (KBO: the address as the enterprise registered it); service policy (issue 14): a move alone is a weak signal',
    },
  };
}
