import {
  type Document,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import type { RuleDataProblem } from '../errors.ts';

/**
 * A parsed YAML rule-data file that remembers where each node came from, so every problem found
 * while checking it names the file and the line a policy officer has to open.
 */
export class YamlSource {
  readonly problems: RuleDataProblem[] = [];
  readonly document: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    for (const error of this.document.errors) {
      const line = this.lines.linePos(error.pos[0]).line;
      const message =
        error.code === 'DUPLICATE_KEY'
          ? 'the same key appears twice (for a dated value: two periods start on one date, so they overlap)'
          : error.message;
      this.problems.push({ file, line, message });
    }
  }

  lineOf(node: unknown): number | null {
    const range = (node as Node | null | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line : null;
  }

  report(node: unknown, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message });
  }

  get root(): unknown {
    return this.document.contents;
  }

  toJS(node: unknown): unknown {
    return node && typeof node === 'object' && 'toJS' in node ? (node as Node).toJS(this.document) : node;
  }

  /**
   * The pairs of a map whose keys are plain scalars; reports any key outside `allowed` (a typo such
   * as `sorce` must not silently drop a source) and any key of `required` that is missing.
   */
  readMap(
    node: unknown,
    what: string,
    allowed: readonly string[] | null,
    required: readonly string[] = [],
  ): Map<string, Pair> | null {
    if (!isMap(node)) {
      this.report(node, `${what} must be a mapping of keys to values`);
      return null;
    }
    const pairs = new Map<string, Pair>();
    for (const pair of (node as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null) {
        this.report(pair.key, `${what}: keys must be plain text`);
        continue;
      }
      if (allowed && !allowed.includes(key)) {
        this.report(pair.key, `${what}: unknown key "${key}" (allowed: ${allowed.join(', ')})`);
        continue;
      }
      pairs.set(key, pair);
    }
    for (const key of required) {
      if (!pairs.has(key)) this.report(node, `${what}: missing "${key}"`);
    }
    return pairs;
  }

  /** A non-empty string value, or null after reporting the problem. */
  readText(pair: Pair | undefined, what: string): string | null {
    if (!pair) return null;
    const value = this.toJS(pair.value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.report(pair.value ?? pair.key, `${what} must be non-empty text`);
    return null;
  }
}
