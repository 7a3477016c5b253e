import { Format } from 'typebox/format';
import type { SchemaError } from './field-errors.ts';

/**
 * The one rule every text Loket accepts obeys, whatever field it is in: no NUL character
 * (PostgreSQL cannot store it in text or jsonb) and no lone UTF-16 surrogate (not a character at
 * all; PostgreSQL refuses it too). Registered as the TypeBox format `text`, and applied to every
 * string of every request by the error-handling plugin (src/server/plugins/error-handling.ts), so
 * a new field or route is covered without anyone remembering to.
 */
export const TEXT_FORMAT = 'text';

// With the `u` flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function isText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

Format.Set(TEXT_FORMAT, isText);

const MAX_DEPTH = 64;

/**
 * Every string (values and property names) in `value` that is not text, as schema errors of the
 * format `text` with their JSON pointer. Deeper than 64 levels counts as not text: no form nests so.
 */
export function findNonText(value: unknown, pointer = '', depth = 0): SchemaError[] {
  const found: SchemaError[] = [];
  const report = (at: string) =>
    found.push({ keyword: 'format', instancePath: at, params: { format: TEXT_FORMAT } });
  if (typeof value === 'string') {
    if (!isText(value)) report(pointer);
  } else if (typeof value === 'object' && value !== null) {
    if (depth >= MAX_DEPTH) {
      report(pointer);
      return found;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isText(key)) report(childPointer);
      else found.push(...findNonText(child, childPointer, depth + 1));
    }
  }
  return found;
}

/**
 * The query parameters whose percent-encoding is not UTF-8 (e.g. `%ED%A0%80`, a lone surrogate as
 * a broken client encodes it). Fastify's parser keeps such a value undecoded, which would pass as
 * text; it is malformed input and is refused like any other, naming the parameter.
 */
export function findUndecodableQuery(url: string): SchemaError[] {
  const at = url.indexOf('?');
  if (at < 0) return [];
  const found: SchemaError[] = [];
  for (const pair of url.slice(at + 1).split('&')) {
    const [rawKey = '', rawValue = ''] = pair.split('=', 2);
    let key = rawKey;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      found.push({ keyword: 'format', instancePath: `/${key}`, params: { format: TEXT_FORMAT } });
    }
  }
  return found;
}
