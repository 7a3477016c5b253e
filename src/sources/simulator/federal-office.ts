import type {
  AdmissibleDossier,
  Receipt,
  ResidenceDecision,
  RevocationNotice,
} from '../federal/immigration-office.ts';
import { hashText } from './seeded-random.ts';

/**
 * The simulated federal immigration office: it records each notified dossier once per idempotency
 * key and decides residence after `decisionDelayMs`, GRANTED for most dossiers and REFUSED for some,
 * always the same for the same dossier number.
 */

interface NotifiedDossier {
  receipt: Receipt;
  receivedAtMs: number;
  body: string;
  dossierNumber: string;
}

export type NotifyOutcome = { kind: 'NEW' | 'REPLAY'; receipt: Receipt } | { kind: 'KEY_REUSED' };

const REFUSED_PER_HUNDRED = 15;

export function createFederalOffice(options: { decisionDelayMs: number; now: () => number }) {
  const byKey = new Map<string, NotifiedDossier>();
  const byReceipt = new Map<string, NotifiedDossier>();
  const revoked = new Set<string>();
  let sequence = 0;

  function record(
    idempotencyKey: string,
    message: AdmissibleDossier | RevocationNotice,
    awaitsDecision: boolean,
  ): NotifyOutcome {
    const body = JSON.stringify(message);
    const known = byKey.get(idempotencyKey);
    if (known)
      return known.body === body ? { kind: 'REPLAY', receipt: known.receipt } : { kind: 'KEY_REUSED' };
    const receivedAtMs = options.now();
    const receipt = {
      receiptId: `DVZ-${String(++sequence).padStart(8, '0')}`,
      receivedAt: new Date(receivedAtMs).toISOString(),
    };
    const notified = { receipt, receivedAtMs, body, dossierNumber: message.dossierNumber };
    byKey.set(idempotencyKey, notified);
    if (awaitsDecision) byReceipt.set(receipt.receiptId, notified);
    return { kind: 'NEW', receipt };
  }

  return {
    /** The same key with the same body answers the first receipt; with another body it is refused. */
    notify(idempotencyKey: string, dossier: AdmissibleDossier): NotifyOutcome {
      return record(idempotencyKey, dossier, true);
    },

    /** A withdrawn authorisation: recorded once per key like a notification; no residence decision follows. */
    notifyRevocation(idempotencyKey: string, notice: RevocationNotice): NotifyOutcome {
      const outcome = record(idempotencyKey, notice, false);
      if (outcome.kind === 'NEW') revoked.add(notice.dossierNumber);
      return outcome;
    },

    /** Whether the office was told that the work authorisation of this dossier was withdrawn. */
    isRevoked(dossierNumber: string): boolean {
      return revoked.has(dossierNumber);
    },

    decide(receiptId: string): ResidenceDecision | undefined {
      const notified = byReceipt.get(receiptId);
      if (!notified) return undefined;
      const decidedAtMs = notified.receivedAtMs + options.decisionDelayMs;
      if (options.now() < decidedAtMs) return { status: 'PENDING' };
      const refused = hashText(notified.dossierNumber) % 100 < REFUSED_PER_HUNDRED;
      return {
        status: refused ? 'REFUSED' : 'GRANTED',
        decidedOn: new Date(decidedAtMs).toISOString().slice(0, 10),
      };
    },

    get dossierCount(): number {
      return byKey.size;
    },
  };
}

export type FederalOffice = ReturnType<typeof createFederalOffice>;
