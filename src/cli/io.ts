import { StringDecoder } from 'node:string_decoder';

/**
 * Line-oriented streaming for the NDJSON commands: input is split per chunk without an async step
 * per line, output is gathered and written in large batches, honouring back-pressure.
 */

/** Calls `onLine` for every line of `input` (1-based numbers); a final newline does not make an extra line. */
export async function forEachLine(
  input: AsyncIterable<Buffer | string>,
  onLine: (line: string, lineNumber: number) => void,
  afterChunk: () => Promise<void> = async () => {},
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNumber = 0;
  for await (const chunk of input) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    let newline = text.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      onLine(text.slice(start, end), ++lineNumber);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    await afterChunk();
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest, ++lineNumber);
  await afterChunk();
}

const BATCH_BYTES = 1 << 20;

/** Buffers output lines and writes them in ~1 MB batches. */
export class BatchWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly output: NodeJS.WritableStream) {}

  line(text: string): void {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
  }

  /** Writes what is buffered when the batch is full (or always, with `force`), waiting for drain. */
  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < BATCH_BYTES)) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.output.write(text)) {
      await new Promise<void>((resolve) => this.output.once('drain', () => resolve()));
    }
  }
}

export async function readAll(input: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: string[] = [];
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  chunks.push(decoder.end());
  return chunks.join('');
}
