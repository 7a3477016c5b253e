import { sealAuditEvents } from '../audit/audit-sealing.ts';
import { isHashInAuditChain, verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { connectDatabase } from '../db/client.ts';
import { type CliIo, parseCommandArgs, UsageError } from './cli-support.ts';

export const AUDIT_HELP = `Usage:
  loket audit verify [--database-url URL] [--known-hash HASH] [--no-seal] [--grace-seconds N]

Seals the audit events committed since the last seal, then recomputes the hash chain of the audit
trail, seal by seal, and prints how many events were checked and the hash of the last one, and how
many events have no seal yet (docs/operations.md, "Audit trail integrity"). Keep that hash outside
the database, e.g. in a daily export, and pass it back later as --known-hash: only then is a
rewrite of the whole chain, or the removal of its last events, detected.

  --database-url   PostgreSQL URL of Loket's database (default: the DATABASE_URL environment variable)
  --known-hash     a last hash printed earlier: fail unless the intact chain still contains it
  --no-seal        do not seal first, only read (a read-only database role is then enough); the
                   running Loket instances seal about every second
  --grace-seconds  how long an event may stay without a seal before that is a failure (default 60)

Exit status: 0 when the chain is intact (and contains --known-hash) and no event is unsealed for
longer than the grace period; 1 when the chain is broken, the known hash is missing or an event is
unsealed too long; 2 for a usage error; 3 when the audit trail could not be read or sealed.
`;

const PROBLEMS = {
  LINK_BROKEN: 'it does not link to the seal before it: a seal was deleted, inserted or moved just before it',
  HASH_MISMATCH: 'its content does not give its hash: a field of this event was changed, or its id',
  EVENT_MISSING: 'the sealed event is gone: it was deleted',
} as const;

const DEFAULT_GRACE_SECONDS = 60;

/** SQLSTATEs of insufficient_privilege and read_only_sql_transaction. */
const CANNOT_WRITE = new Set(['42501', '25006']);

export async function runAudit(
  args: string[],
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'database-url': { type: 'string' },
    'known-hash': { type: 'string' },
    'no-seal': { type: 'boolean' },
    'grace-seconds': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(AUDIT_HELP);
    return 0;
  }
  const [subcommand, ...extra] = positionals;
  if (subcommand !== 'verify' || extra.length > 0) throw new UsageError('the only subcommand is "verify"');
  const knownHash = values['known-hash'];
  if (knownHash !== undefined && (typeof knownHash !== 'string' || !/^[0-9a-f]{64}$/.test(knownHash)))
    throw new UsageError('--known-hash must be 64 lower-case hexadecimal digits, as printed by this command');
  const grace = values['grace-seconds'];
  if (grace !== undefined && (typeof grace !== 'string' || !/^\d{1,9}$/.test(grace)))
    throw new UsageError('--grace-seconds must be a whole number of seconds');
  const graceSeconds = grace === undefined ? DEFAULT_GRACE_SECONDS : Number(grace);
  const option = values['database-url'];
  const url = typeof option === 'string' && option !== '' ? option : env.DATABASE_URL;
  if (!url) {
    io.stderr.write(
      'loket audit verify: no database to verify. Pass --database-url postgres://USER@HOST:PORT/DATABASE ' +
        'or set DATABASE_URL (the URL Loket itself uses).\n\n' +
        AUDIT_HELP,
    );
    return 2;
  }
  return verifyDatabase(url, { knownHash, seal: values['no-seal'] !== true, graceSeconds }, io);
}

async function verifyDatabase(
  url: string,
  options: { knownHash: string | undefined; seal: boolean; graceSeconds: number },
  io: CliIo,
): Promise<number> {
  const { knownHash, seal, graceSeconds } = options;
  const handle = connectDatabase(url, { max: 1, applicationName: 'loket-audit-verify' });
  try {
    if (seal) {
      try {
        // So that a quiet system, or one whose instances are down, is verified up to its last event.
        await sealAuditEvents(handle.db);
      } catch (error) {
        // A read-only role or connection: say how to verify anyway. Anything else is reported below.
        if (!CANNOT_WRITE.has((error as { code?: string }).code ?? '')) throw error;
        io.stderr.write(
          `loket audit verify: cannot seal the audit trail: ${(error as Error).message} ` +
            '(with a read-only database role, pass --no-seal)\n',
        );
        return 3;
      }
    }
    const result = await verifyAuditChain(handle.db);
    const { unsealed } = result;
    const stale = unsealed.oldest !== null && unsealed.oldest.ageSeconds > graceSeconds;
    let status = 0;
    if (!result.ok) {
      const { seq, id, expected, found, problem } = result.brokenAt;
      io.stderr.write(
        `audit trail BROKEN at event ${id}, seal ${seq} (${problem}): ${PROBLEMS[problem]}\n` +
          `  expected ${expected || '(none)'}\n` +
          `  found    ${found || '(none)'}\n` +
          `  intact before it: ${result.checked} event${result.checked === 1 ? '' : 's'}\n`,
      );
      status = 1;
    } else {
      io.stdout.write(
        `audit trail intact: ${result.checked} events checked, last hash ${result.lastHash ?? '(none: no events yet)'}\n`,
      );
    }
    if (stale && unsealed.oldest) {
      io.stderr.write(
        `audit trail INCOMPLETE at event ${unsealed.oldest.id} (UNSEALED): written ` +
          `${formatSeconds(unsealed.oldest.ageSeconds)} ago and still not in the chain, longer than the ` +
          `${graceSeconds} s grace period (${unsealed.count} unsealed event${unsealed.count === 1 ? '' : 's'}): ` +
          'no Loket instance is sealing, or the event was inserted or its seal deleted around the sealer\n',
      );
      status = 1;
    } else if (result.ok) {
      io.stdout.write(
        unsealed.oldest === null
          ? 'unsealed: none\n'
          : `unsealed: ${unsealed.count} event${unsealed.count === 1 ? '' : 's'}, the oldest written ` +
              `${formatSeconds(unsealed.oldest.ageSeconds)} ago (grace period ${graceSeconds} s)\n`,
      );
    }
    if (!result.ok || knownHash === undefined) return status;
    if (await isHashInAuditChain(handle.db, knownHash)) {
      io.stdout.write(`known hash ${knownHash} is in the chain\n`);
      return status;
    }
    io.stderr.write(
      `audit trail REWRITTEN or CUT: the known hash ${knownHash} is no longer in the chain, ` +
        'so events after it were removed or the chain was recomputed from an earlier point\n',
    );
    return 1;
  } catch (error) {
    // Unreachable database, wrong credentials, migration 0007 not applied: not a verdict on the trail.
    io.stderr.write(`loket audit verify: cannot read the audit trail: ${(error as Error).message}\n`);
    return 3;
  } finally {
    await handle.close();
  }
}

function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}
