import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LANG, type Lang, negotiateLang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { type FieldError, type SchemaError, toFieldErrors } from '../../validation/field-errors.ts';
import { findNonText, findUndecodableQuery } from '../../validation/text-format.ts';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, LoketError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

const PART_PREFIX: Record<string, string> = {
  body: '',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/**
 * PostgreSQL and pg error codes that mean "the database is not reachable or not answering now",
 * not a bug: connection lost or refused, backend terminated (57P01: restart, failover,
 * pg_terminate_backend), statement or idle-in-transaction timeout (57014, 25P03), no free
 * connection within the wait bound, too many connections, a frozen server (client read timeout),
 * a write refused by a read-only server (25006: a standby, before or during a failover).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '25P03',
  '25006',
  '53300',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection ended|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return UNAVAILABLE_CODES.has(code) || UNAVAILABLE_MESSAGE.test((error as Error).message ?? '');
}

/** A size for people: `1 MB`, `64 MB`, `1,5 MB` in the reader's way of writing numbers. */
function megabytes(bytes: number, lang: Lang): string {
  const locale = lang === 'en' ? 'en-GB' : `${lang}-BE`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
}

function fromFastifyError(
  error: FastifyError,
  lang: Lang,
  limits: { bodyBytes: number; fileBytes: number },
): { code: ErrorCode; params: Record<string, unknown>; fields: FieldError[] } {
  if (error.validation) {
    const prefix = PART_PREFIX[error.validationContext ?? 'body'] ?? '';
    // An error about the whole body (not an object, too many items) names the body itself.
    const fields = toFieldErrors(error.validation as SchemaError[], lang, prefix).map((f) =>
      f.path ? f : { ...f, path: prefix || 'body' },
    );
    return {
      code: 'LOKET_VALIDATION_FAILED',
      params: {},
      // Never a 400 that names nothing: the part at fault, at least.
      fields: fields.length
        ? fields
        : [{ path: prefix || 'body', rule: 'invalid', message: translate(lang, 'validation.fallback') }],
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        code: 'LOKET_VALIDATION_FAILED',
        params: {},
        fields: [
          {
            path: 'body',
            rule: 'json',
            // Not Fastify's English detail: the message is in the caller's language.
            message: translate(lang, 'validation.json'),
          },
        ],
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'LOKET_PAYLOAD_TOO_LARGE',
        params: { limit: megabytes(limits.bodyBytes, lang) },
        fields: [],
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        code: 'LOKET_PAYLOAD_TOO_LARGE',
        params: { limit: megabytes(limits.fileBytes, lang) },
        fields: [],
      };
    case 'FST_ERR_BAD_URL':
      return {
        code: 'LOKET_VALIDATION_FAILED',
        params: {},
        fields: [{ path: 'url', rule: 'url', message: translate(lang, 'validation.url') }],
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'LOKET_UNSUPPORTED_MEDIA_TYPE', params: {}, fields: [] };
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return { code: 'LOKET_CSRF', params: {}, fields: [] };
  }
  if (error.statusCode === 429)
    return { code: 'LOKET_RATE_LIMITED', params: { after: error.message }, fields: [] };
  if (error.statusCode === 413)
    return {
      code: 'LOKET_PAYLOAD_TOO_LARGE',
      params: { limit: megabytes(limits.bodyBytes, lang) },
      fields: [],
    };
  if (error.statusCode === 415) return { code: 'LOKET_UNSUPPORTED_MEDIA_TYPE', params: {}, fields: [] };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      code: 'LOKET_VALIDATION_FAILED',
      params: {},
      fields: [
        {
          path: 'request',
          rule: String(error.code ?? 'invalid'),
          message: translate(lang, 'validation.fallback'),
        },
      ],
    };
  }
  return {
    code: isDatabaseUnavailable(error) ? 'LOKET_DATABASE_UNAVAILABLE' : 'LOKET_INTERNAL',
    params: {},
    fields: [],
  };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, unknown> = {},
  fields: FieldError[] = [],
): FastifyReply {
  const lang = request.lang ?? DEFAULT_LANG;
  // What the route takes, from its schema: an upload wants a form, the bank import CSV, the rest JSON.
  if (code === 'LOKET_UNSUPPORTED_MEDIA_TYPE' && params.expected === undefined) {
    const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
    params = { ...params, expected: consumes?.length ? consumes.join(', ') : 'application/json' };
  }
  const message = translate(lang, `errors.${code}`, { count: fields.length, ...params });
  const body: ErrorBody = {
    error: { code, message, requestId: String(request.id), ...(fields.length ? { fields } : {}) },
  };
  return reply.code(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/**
 * One place turns every failure into a JSON answer in the caller's language: schema errors list
 * every offending field; unknown routes are 404 JSON; nothing internal (stack, SQL) reaches a client.
 */
export const errorHandling = fp(async (app: FastifyInstance, options: { fileLimitBytes?: number }) => {
  app.decorateRequest('lang', DEFAULT_LANG);
  app.addHook('onRequest', async (request) => {
    request.lang = negotiateLang(request.headers['accept-language']);
  });
  // Every string of every request, whatever its route's schema says (or lacks), is text: a NUL or
  // a lone surrogate is answered 400 naming the field, before it can reach PostgreSQL.
  app.addHook('preValidation', async (request) => {
    const found = [
      ...toFieldErrors(findNonText(request.params), request.lang, 'params'),
      ...toFieldErrors(findNonText(request.query), request.lang, 'query'),
      ...toFieldErrors(findUndecodableQuery(request.url), request.lang, 'query'),
      ...toFieldErrors(findNonText(request.body), request.lang).map((f) =>
        f.path ? f : { ...f, path: 'body' },
      ),
    ];
    if (found.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, found);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof LoketError) return sendError(request, reply, error.code, error.params, error.fields);
    const mapped = fromFastifyError(error, request.lang, {
      bodyBytes: request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1_048_576,
      fileBytes: options.fileLimitBytes ?? 10 * 1_048_576,
    });
    if (ERROR_STATUS[mapped.code] >= 500) {
      request.log.error(
        { err: { type: error.name, message: error.message, code: error.code, stack: error.stack } },
        'request failed',
      );
    }
    if (mapped.code === 'LOKET_RATE_LIMITED')
      reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    return sendError(request, reply, mapped.code, mapped.params, mapped.fields);
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'LOKET_NOT_FOUND'));
});

/**
 * Errors Fastify raises before any hook runs (an undecodable URL): Fastify's `frameworkErrors`
 * option sends them here, so they too answer in Loket's format and the caller's language.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.lang = negotiateLang(request.headers['accept-language']);
  const mapped = fromFastifyError(error, request.lang, { bodyBytes: 0, fileBytes: 0 });
  return sendError(request, reply, mapped.code, mapped.params, mapped.fields);
}
