import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import { LoketError } from '../server/errors.ts';

/**
 * Reads a multipart/form-data body part by part. A form that is not well formed (no boundary, a
 * boundary too long, cut off, a prototype key as a field name) or has more parts than the route
 * takes is the client's mistake: 400 naming the rule, not the 500 that busboy's plain errors made
 * of it, nor a "too large" for a second file (issue 12, "no 5xx on any input"). A file over its
 * size limit keeps its own answer (413 with the limit).
 */
export async function readMultipartForm(
  request: FastifyRequest,
  limits: { fileSize: number; files: number; fields: number },
  onPart: (part: Multipart) => Promise<void> | void,
  lang: Lang = request.lang,
): Promise<void> {
  try {
    for await (const part of request.parts({ limits })) await onPart(part);
  } catch (error) {
    throw formError(error, lang);
  }
}

function formError(error: unknown, lang: Lang): unknown {
  if (error instanceof LoketError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return error;
  const invalid = (path: string, rule: string, key: string, params: Record<string, unknown> = {}) =>
    new LoketError('LOKET_VALIDATION_FAILED', {}, [
      { path, rule, message: translate(lang, `validation.${key}`, params) },
    ]);
  if (code === 'FST_FILES_LIMIT') return invalid('file', 'maxFiles', 'multipartFiles');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return invalid('body', 'maxFields', 'multipartFields');
  // Busboy's errors carry no code; a database fault cannot happen while the parts are read.
  return invalid('body', 'multipart', 'multipart');
}
