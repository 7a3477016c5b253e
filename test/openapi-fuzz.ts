/**
 * Fuzz cases for every route of an OpenAPI document: for each parameter and each body field (found
 * by walking the route's schemas), a valid-looking request with that one field replaced by a NUL,
 * a lone surrogate, an extreme date, a wrong type or a huge number. Used by
 * src/server/openapi-fuzz.db.test.ts; kept apart so that it reads as a description of the cases.
 */
type Schema = Record<string, unknown>;

export interface FuzzCase {
  method: string;
  /** The route as documented, e.g. `/api/v1/dossiers/{id}`. */
  route: string;
  /** `query.scope`, `params.id`, `body.worker.birthDate`, `body` (a CSV body). */
  field: string;
  /** What was put there: `nul`, `surrogate`, `date 0001-01-01`, `wrong type`, `huge`, … */
  kind: string;
  /** Whether any answer but a 4xx is wrong (text and dates must be refused, not stored). */
  mustBeRefused: boolean;
  url: string;
  body?: unknown;
  contentType?: string;
}

interface Leaf {
  path: (string | number)[];
  schema: Schema;
}

interface Mutation {
  kind: string;
  value: unknown;
  mustBeRefused: boolean;
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  if (typeof type === 'string') return type;
  const options = (schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined)) as
    | unknown[]
    | undefined;
  if (options?.length) return typeof options[0] === 'number' ? 'number' : typeof options[0];
  return undefined;
}

/** A value the schema accepts, as far as it can be guessed: the baseline every case changes one field of. */
export function sample(schema: Schema, ids: { uuid: string }): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches?.length) return sample(branches[0] as Schema, ids);
  switch (typeOf(schema)) {
    case 'string':
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'uuid') return ids.uuid;
      if (schema.format === 'date-time') return '2026-03-02T09:00:00Z';
      if (schema.format === 'email') return 'someone@example.be';
      return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    case 'integer':
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [sample(schema.items as Schema, ids)] : [];
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([name]) => required.has(name))
          .map(([name, child]) => [name, sample(child, ids)]),
      );
    }
    default:
      return 'x';
  }
}

/** Every field of a body schema: properties (required or not), array items, free-form records. */
function leaves(schema: Schema, path: (string | number)[] = [], depth = 0): Leaf[] {
  const found: Leaf[] = path.length ? [{ path, schema }] : [];
  if (depth > 8) return found;
  if (typeOf(schema) === 'object' || schema.properties) {
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
      found.push(...leaves(child, [...path, name], depth + 1));
    const extra = schema.additionalProperties ?? Object.values((schema.patternProperties ?? {}) as object)[0];
    if (extra && typeof extra === 'object')
      found.push(...leaves(extra as Schema, [...path, 'fuzz.key'], depth + 1));
  }
  if (typeOf(schema) === 'array' && schema.items)
    found.push(...leaves(schema.items as Schema, [...path, 0], depth + 1));
  return found;
}

function mutations(schema: Schema): Mutation[] {
  const type = typeOf(schema);
  const text: Mutation[] = [
    { kind: 'nul', value: NUL, mustBeRefused: true },
    { kind: 'surrogate', value: LONE_SURROGATE, mustBeRefused: true },
  ];
  const huge: Mutation[] = [
    { kind: 'huge', value: 1e308, mustBeRefused: false },
    { kind: 'huge negative', value: -1e308, mustBeRefused: false },
    { kind: 'unsafe integer', value: 2 ** 53 + 1, mustBeRefused: false },
  ];
  switch (type) {
    case 'string': {
      const dates: Mutation[] =
        schema.format === 'date'
          ? ['0001-01-01', '9999-12-31', '2026-02-30'].map((value) => ({
              kind: `date ${value}`,
              value,
              mustBeRefused: true,
            }))
          : [];
      return [...text, ...dates, { kind: 'wrong type', value: 12345, mustBeRefused: false }];
    }
    case 'integer':
    case 'number':
      return [...huge, { kind: 'wrong type', value: 'many', mustBeRefused: false }];
    case 'boolean':
      return [{ kind: 'wrong type', value: 'yes', mustBeRefused: false }];
    case 'array':
    case 'object':
      return [{ kind: 'wrong type', value: NUL, mustBeRefused: true }];
    default:
      return [...text, ...huge];
  }
}

/** A parameter's value in a URL: what a client can put in a path or query string. */
function urlMutations(schema: Schema): { kind: string; raw: string; mustBeRefused: boolean }[] {
  const cases = [
    { kind: 'nul', raw: '%00', mustBeRefused: true },
    // A lone surrogate has no UTF-8 form; its CESU-8 bytes are what a broken client sends.
    { kind: 'surrogate', raw: '%ED%A0%80', mustBeRefused: true },
    { kind: 'huge', raw: '1e308', mustBeRefused: false },
    { kind: 'huge digits', raw: '9'.repeat(40), mustBeRefused: false },
    { kind: 'wrong type', raw: 'x%20y', mustBeRefused: false },
  ];
  if (schema.format === 'date')
    for (const date of ['0001-01-01', '9999-12-31'])
      cases.push({ kind: `date ${date}`, raw: date, mustBeRefused: true });
  return cases;
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy;
}

function dotted(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

interface Operation {
  parameters?: { in: string; name: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** Every fuzz case of every route in the document. `ids.uuid` fills in path ids (an existing dossier). */
export function fuzzCases(
  document: { paths: Record<string, Record<string, Operation>> },
  ids: { uuid: string },
) {
  const cases: FuzzCase[] = [];
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      const values = new Map(
        parameters.map((p) => [`${p.in}:${p.name}`, encodeURIComponent(String(sample(p.schema ?? {}, ids)))]),
      );
      const urlWith = (override?: { key: string; raw: string }) => {
        const get = (key: string) => (override?.key === key ? override.raw : (values.get(key) ?? ''));
        const path = route.replace(/\{([^}]+)\}/g, (_, name: string) => get(`path:${name}`));
        const query = parameters
          .filter((p) => p.in === 'query' && (p.required || override?.key === `query:${p.name}`))
          .map((p) => `${encodeURIComponent(p.name)}=${get(`query:${p.name}`)}`);
        return query.length ? `${path}?${query.join('&')}` : path;
      };
      const json = operation.requestBody?.content['application/json']?.schema;
      const csv = operation.requestBody?.content['text/csv'];
      const branches = json ? (((json.anyOf ?? json.oneOf) as Schema[] | undefined) ?? [json]) : [];
      const baseBody = json ? sample(branches[0] as Schema, ids) : csv ? 'x' : undefined;
      const base = {
        method: method.toUpperCase(),
        route,
        ...(baseBody === undefined ? {} : { body: baseBody }),
        ...(csv ? { contentType: 'text/csv' } : {}),
      };
      for (const parameter of parameters) {
        for (const mutation of urlMutations(parameter.schema ?? {})) {
          cases.push({
            ...base,
            field: `${parameter.in === 'path' ? 'params' : 'query'}.${parameter.name}`,
            kind: mutation.kind,
            mustBeRefused: mutation.mustBeRefused,
            url: urlWith({ key: `${parameter.in}:${parameter.name}`, raw: mutation.raw }),
          });
        }
      }
      if (csv) {
        for (const mutation of [
          { kind: 'nul', value: `booking_date;amount\n${NUL}` },
          { kind: 'surrogate', value: `booking_date;amount\n${LONE_SURROGATE}` },
        ])
          cases.push({
            ...base,
            field: 'body',
            kind: mutation.kind,
            mustBeRefused: true,
            url: urlWith(),
            body: mutation.value,
          });
      }
      for (const branch of branches) {
        const body = sample(branch, ids);
        for (const leaf of leaves(branch)) {
          for (const mutation of mutations(leaf.schema)) {
            cases.push({
              ...base,
              field: `body${dotted(leaf.path)}`,
              kind: mutation.kind,
              mustBeRefused: mutation.mustBeRefused,
              url: urlWith(),
              body: withValue(body, leaf.path, mutation.value),
            });
          }
        }
      }
    }
  }
  return cases;
}
