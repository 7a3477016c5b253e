import { ASSESS_HELP, runAssess } from './assess-command.ts';
import { AUDIT_HELP, runAudit } from './audit-command.ts';
import { type CliIo, UsageError } from './cli-support.ts';
import { runSimulate, SIMULATE_HELP } from './simulate-command.ts';

const MAIN_HELP = `Usage: loket <command> [options]

Commands:
  assess     assess one application (JSON file) or a stream of them (--ndjson)
  simulate   count how outcomes change under overridden parameters (a policy "reform")
  audit      verify the audit trail's hash chain (exit 1 when it is broken)

Run "loket <command> --help" for a command's options.
`;

const COMMANDS: Record<string, { run: (args: string[], io: CliIo) => Promise<number>; help: string }> = {
  assess: { run: runAssess, help: ASSESS_HELP },
  simulate: { run: runSimulate, help: SIMULATE_HELP },
  audit: { run: runAudit, help: AUDIT_HELP },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`loket: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`loket ${name}: ${error.message}\n\n${command.help}`);
    return 2;
  }
}

// A reader that stops early (`loket assess --ndjson < big | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  // Broken rule data or a bug: say what it was and fail distinctly from bad input (2).
  process.stderr.write(`loket: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
