import { parseArgs } from 'node:util';

/** What a command may touch; passed in so commands stay testable without spawning a process. */
export interface CliIo {
  stdin: AsyncIterable<Buffer | string>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A mistake in how the command was called: the usage is printed and the exit status is 2. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseCommandArgs(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
