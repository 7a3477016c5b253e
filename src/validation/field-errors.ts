import type { Lang } from '../i18n/languages.ts';
import { hasTranslation, translate } from '../i18n/translate.ts';

/** The shape shared by Ajv (Fastify) and TypeBox's compiled validators. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params: Record<string, unknown>;
  message?: string;
}

/** One offending field, as every Loket API and the CLI report it. */
export interface FieldError {
  /** Dotted path, e.g. `worker.birthDate` or `labourMarketTest.publications[0].from`. */
  path: string;
  /** The JSON-Schema rule broken (`required`, `format`, `enum`, …). */
  rule: string;
  /** The rule in plain words, in the requested language. */
  message: string;
}

/** Turns a JSON pointer (`/a/0/b`) into the dotted form users read (`a[0].b`). */
export function pointerToPath(pointer: string, prefix = ''): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  return path;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * "must be a number", never the schema's own words (`["number","null"]`): a nullable field names
 * the kind of value it takes, since leaving it empty is always allowed and needs no saying.
 */
function describeType(type: unknown, lang: Lang): string {
  const kinds = (Array.isArray(type) ? type : [type]).map(String);
  const kind = kinds.find((k) => k !== 'null') ?? kinds[0];
  const key = `validation.types.${kind}`;
  return hasTranslation(lang, key) ? translate(lang, key) : translate(lang, 'validation.type');
}

function describe(error: SchemaError, lang: Lang): { rule: string; message: string } {
  const p = error.params;
  // "at least 1 items" reads as a schema; one item at least is a choice the user has to make.
  if (error.keyword === 'minItems' && p.limit === 1) {
    return { rule: 'minItems', message: translate(lang, 'validation.minItemsOne') };
  }
  switch (error.keyword) {
    case 'format': {
      const key = `validation.format.${String(p.format)}`;
      return {
        rule: `format:${String(p.format)}`,
        message: hasTranslation(lang, key) ? translate(lang, key) : translate(lang, 'validation.format', p),
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [];
      return {
        rule: 'enum',
        message: translate(lang, 'validation.enum', { allowed: allowed.map(formatValue).join(', ') }),
      };
    }
    case 'const':
      return {
        rule: 'const',
        message: translate(lang, 'validation.const', { allowed: formatValue(p.allowedValue) }),
      };
    case 'type':
      return { rule: 'type', message: describeType(p.type, lang) };
    case 'minLength':
      // An empty text field reads as "is required", the way people think of it.
      if (p.limit === 1) return { rule: 'required', message: translate(lang, 'validation.required') };
      return { rule: 'minLength', message: translate(lang, 'validation.minLength', { limit: p.limit }) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'multipleOf':
      return {
        rule: error.keyword,
        message: translate(lang, `validation.${error.keyword}`, {
          limit: p.limit ?? p.multipleOf,
        }),
      };
    default: {
      const key = `validation.${error.keyword}`;
      return {
        rule: error.keyword,
        message: hasTranslation(lang, key) ? translate(lang, key, p) : translate(lang, 'validation.fallback'),
      };
    }
  }
}

/** The pointer of the field an error is about: `required` and unknown fields name the child. */
function fieldPointer(error: SchemaError): string {
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    return `${error.instancePath}/${error.params.missingProperty}`;
  }
  if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
    return `${error.instancePath}/${error.params.additionalProperty}`;
  }
  return error.instancePath;
}

// Ajv writes `…/anyOf/0/const`, TypeBox `…/anyOf/0`.
const UNION_CONST_BRANCH = /\/(anyOf|oneOf)\/\d+(\/const)?$/;
const UNION_BRANCH = /\/(anyOf|oneOf)\/\d+/;

const isUnionError = (error: SchemaError) => error.keyword === 'anyOf' || error.keyword === 'oneOf';
const isNullBranch = (error: SchemaError) =>
  error.keyword === 'type' && error.params.type === 'null' && UNION_BRANCH.test(error.schemaPath ?? '');
const isOtherBranchOf = (other: SchemaError, nullBranch: SchemaError) =>
  other !== nullBranch &&
  other.instancePath === nullBranch.instancePath &&
  !isUnionError(other) &&
  UNION_BRANCH.test(other.schemaPath ?? '');

/**
 * Localises every schema error and keeps exactly one per field and rule. Validators report a
 * union failure once per branch plus once for the union; a union of constants reads best as
 * the list of allowed values, so the branch errors are folded into that one message.
 */
export function toFieldErrors(errors: readonly SchemaError[], lang: Lang, prefix = ''): FieldError[] {
  const expanded: SchemaError[] = [];
  for (const error of errors) {
    // TypeBox reports an unknown property both as `additionalProperties` (listing names) and as a
    // `false` schema on the property itself; keep one error per unknown name.
    // The per-property one comes first: with more unknown names than the error cap (200), the
    // summary never arrives, so an unknown name is taken from either and duplicates are dropped below.
    if (error.keyword === 'boolean') {
      const slash = error.instancePath.lastIndexOf('/');
      if ((error.schemaPath ?? '').endsWith('/additionalProperties') && slash >= 0)
        expanded.push({
          ...error,
          keyword: 'additionalProperties',
          instancePath: error.instancePath.slice(0, slash),
          params: { additionalProperty: unescapePointer(error.instancePath.slice(slash + 1)) },
        });
      continue;
    }
    const required = error.params.requiredProperties;
    if (error.keyword === 'required' && Array.isArray(required)) {
      for (const name of required) expanded.push({ ...error, params: { missingProperty: name } });
      continue;
    }
    const extra = error.params.additionalProperties;
    if (error.keyword === 'additionalProperties' && Array.isArray(extra)) {
      for (const name of extra) expanded.push({ ...error, params: { additionalProperty: name } });
      continue;
    }
    expanded.push(error);
  }

  const unionBranches = new Map<string, unknown[]>();
  for (const error of expanded) {
    if (error.keyword === 'const' && UNION_CONST_BRANCH.test(error.schemaPath ?? '')) {
      const list = unionBranches.get(error.instancePath) ?? [];
      list.push(error.params.allowedValue);
      unionBranches.set(error.instancePath, list);
    }
  }

  // A nullable field (`X | null`) that breaks X also "is not null" and "matches no branch": only
  // X's own rule helps the user (leaving a nullable field empty never needs saying).
  const nullableBroken = new Set<string>();
  for (const error of expanded) {
    if (unionBranches.has(error.instancePath)) continue;
    if (isNullBranch(error) && expanded.some((other) => isOtherBranchOf(other, error))) {
      nullableBroken.add(error.instancePath);
    }
  }

  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of expanded) {
    if (UNION_BRANCH.test(error.schemaPath ?? '') && unionBranches.has(error.instancePath)) continue;
    if (nullableBroken.has(error.instancePath) && (isNullBranch(error) || isUnionError(error))) continue;
    let described = describe(error, lang);
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && unionBranches.has(error.instancePath)) {
      described = describe(
        { ...error, keyword: 'enum', params: { allowedValues: unionBranches.get(error.instancePath) } },
        lang,
      );
    }
    const path = pointerToPath(fieldPointer(error), prefix);
    const key = `${path}\u0000${described.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path, ...described });
  }
  return result;
}

/** One JSON Pointer segment as the name it stands for (RFC 6901: ~1 is '/', ~0 is '~'). */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
