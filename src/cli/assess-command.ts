import { readFileSync } from 'node:fs';
import { isLang, type Lang } from '../i18n/languages.ts';
import { isIsoDate } from '../rules/dates/iso-date.ts';
import {
  type AssessOptions,
  assessValidApplication,
  getDefaultRuleData,
  stringifyAssessment,
} from '../rules/index.ts';
import { type CliIo, parseCommandArgs, UsageError } from './cli-support.ts';
import { BatchWriter, forEachLine, readAll } from './io.ts';
import { describeInputError, type InputError, readApplication, toInputError } from './read-application.ts';

export const ASSESS_HELP = `Usage:
  loket assess FILE.json [--lang nl|fr|en] [--at YYYY-MM-DD]
  loket assess --ndjson [--lang nl|fr|en] [--at YYYY-MM-DD] < IN.ndjson > OUT.ndjson

Assesses applications under the rules in force on their application date (or --at) and prints
the assessment as JSON. FILE may be - for standard input.

  --lang     language of the messages (default nl)
  --at       apply the rules in force on this date instead of the application date
  --ndjson   one application per input line, one assessment per output line, same order;
             a bad line gives {"line": N, "error": {...}} and the run goes on

Exit status: 0 whatever the outcome; 2 when the input is not valid JSON or breaks the schema
(stderr names every offending field), or for a usage error.
`;

export function readOptions(
  values: Record<string, string | boolean | undefined>,
): AssessOptions & { lang: Lang } {
  const lang = values.lang ?? 'nl';
  if (!isLang(lang)) throw new UsageError(`--lang must be nl, fr or en, not ${String(lang)}`);
  const at = values.at;
  if (at === undefined) return { lang };
  if (typeof at !== 'string' || !isIsoDate(at))
    throw new UsageError(`--at must be a date YYYY-MM-DD, not ${String(at)}`);
  return { lang, at };
}

async function assessFile(file: string, options: AssessOptions & { lang: Lang }, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin) : readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return 2;
  }
  const read = readApplication(text, options.lang);
  if (!read.ok) {
    io.stderr.write(describeInputError(read.error, file));
    return 2;
  }
  try {
    const assessment = assessValidApplication(getDefaultRuleData(), read.application, options);
    io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(describeInputError(toInputError(error), file));
    return 2;
  }
}

/** Assesses one NDJSON line; never throws for bad input, so one bad line cannot stop the run. */
export function assessLine(
  line: string,
  lineNumber: number,
  options: AssessOptions & { lang: Lang },
): string {
  const read = readApplication(line, options.lang);
  let error: InputError;
  if (read.ok) {
    try {
      return stringifyAssessment(assessValidApplication(getDefaultRuleData(), read.application, options));
    } catch (caught) {
      error = toInputError(caught);
    }
  } else {
    error = read.error;
  }
  return JSON.stringify({ line: lineNumber, error });
}

async function assessNdjson(options: AssessOptions & { lang: Lang }, io: CliIo): Promise<number> {
  getDefaultRuleData();
  const writer = new BatchWriter(io.stdout);
  await forEachLine(
    io.stdin,
    (line, lineNumber) => writer.line(assessLine(line, lineNumber, options)),
    () => writer.flush(),
  );
  await writer.flush(true);
  return 0;
}

export async function runAssess(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    lang: { type: 'string' },
    at: { type: 'string' },
    ndjson: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(ASSESS_HELP);
    return 0;
  }
  const options = readOptions(values);
  if (values.ndjson) {
    if (positionals.length > 0) throw new UsageError('--ndjson reads standard input; give no FILE');
    return assessNdjson(options, io);
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('give exactly one FILE (or - for standard input)');
  return assessFile(file, options, io);
}
