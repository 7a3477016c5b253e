import { isHashInAuditChain, verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { connectDatabase } from '../db/client.ts';
import { type CliIo, parseCommandArgs, UsageError } from './cli-support.ts';

export const AUDIT_HELP = `Usage:
  loket audit verify [--database-url URL] [--known-hash HASH]

Recomputes the hash chain of the audit trail, event by event in id order, and prints how many events
were checked and the hash of the last one (docs/operations.md, "Audit trail integrity"). Keep that
hash outside the database, e.g. in a daily export, and pass it back later as --known-hash: only
then is a rewrite of the whole chain, or the removal of its last events, detected.

  --database-url  PostgreSQL URL of Loket's database (default: the DATABASE_URL environment variable)
  --known-hash    a last hash printed earlier: fail unless the intact chain still contains it

Exit status: 0 when the chain is intact (and contains --known-hash); 1 when it is broken or the
known hash is missing; 2 for a usage error; 3 when the audit trail could not be read.
`;

const PROBLEMS = {
  LINK_BROKEN:
    'it does not link to the event before it: an event was deleted, inserted or renumbered just before it',
  HASH_MISMATCH: 'its content does not give its hash: a field of this event was changed',
} as const;

export async function runAudit(
  args: string[],
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'database-url': { type: 'string' },
    'known-hash': { type: 'string' },
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
  return verifyDatabase(url, knownHash, io);
}

async function verifyDatabase(url: string, knownHash: string | undefined, io: CliIo): Promise<number> {
  const handle = connectDatabase(url, { max: 1, applicationName: 'loket-audit-verify' });
  try {
    const result = await verifyAuditChain(handle.db);
    if (!result.ok) {
      const { id, expected, found, problem } = result.brokenAt;
      io.stderr.write(
        `audit trail BROKEN at event ${id} (${problem}): ${PROBLEMS[problem]}\n` +
          `  expected ${expected || '(none)'}\n` +
          `  found    ${found || '(none)'}\n` +
          `  intact before it: ${result.checked} event${result.checked === 1 ? '' : 's'}\n`,
      );
      return 1;
    }
    io.stdout.write(
      `audit trail intact: ${result.checked} events checked, last hash ${result.lastHash ?? '(none: no events yet)'}\n`,
    );
    if (knownHash === undefined) return 0;
    if (await isHashInAuditChain(handle.db, knownHash)) {
      io.stdout.write(`known hash ${knownHash} is in the chain\n`);
      return 0;
    }
    io.stderr.write(
      `audit trail REWRITTEN or CUT: the known hash ${knownHash} is no longer in the chain, ` +
        'so events after it were removed or the chain was recomputed from an earlier point\n',
    );
    return 1;
  } catch (error) {
    // Unreachable database, wrong credentials, migration 0003 not applied: not a verdict on the trail.
    io.stderr.write(`loket audit verify: cannot read the audit trail: ${(error as Error).message}\n`);
    return 3;
  } finally {
    await handle.close();
  }
}
