import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import type { DocumentStorage } from '../dossiers/documents/document-storage.ts';
import { cleanFileName, contentDisposition, nameForMediaType } from '../dossiers/documents/file-names.ts';
import { checkDocumentContent } from '../dossiers/documents/upload-document.ts';
import { translate } from '../i18n/translate.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { readMultipartForm } from '../validation/multipart-form.ts';
import { addEvidence, evidenceFile } from './evidence.repo.ts';

const INSPECTOR = ['INSPECTOR'] as const;
const InspectionParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const EvidenceParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/**
 * An inspection's evidence files (issue 14): an inspector adds photos and documents to a recorded
 * inspection (checked by content like dossier documents: PDF without active content, JPEG, PNG) and
 * downloads them; every addition and every download is audited. Inspectors only.
 */
export async function evidenceRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; storage: DocumentStorage; maxDocumentBytes: number },
): Promise<void> {
  const db = () => options.database.db;

  app.post(
    '/api/v1/enforcement/inspections/:id/evidence',
    {
      config: { access: [...INSPECTOR] },
      schema: {
        tags: ['enforcement'],
        summary:
          'Add an evidence file to an inspection (multipart: file; PDF, JPEG or PNG, checked by content)',
        params: InspectionParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!request.isMultipart()) throw new LoketError('LOKET_UNSUPPORTED_MEDIA_TYPE');
      let file = null as { name: string; content: Buffer } | null; // set in the callback
      await readMultipartForm(
        request,
        { fileSize: options.maxDocumentBytes + 1, files: 1, fields: 2 },
        async (part) => {
          if (part.type === 'file') file = { name: part.filename, content: await part.toBuffer() };
        },
      );
      if (!file)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          { path: 'file', rule: 'required', message: translate(request.lang, 'validation.required') },
        ]);
      const { name, content } = file;
      const mediaType = await checkDocumentContent(content, request.lang, options.maxDocumentBytes);
      const evidence = await addEvidence(db(), options.storage, {
        inspectionId: id,
        fileName: nameForMediaType(cleanFileName(name), mediaType),
        content,
        mediaType,
        userId: (request.user as User).id,
        requestId: String(request.id),
      });
      return reply.code(201).send({
        id: evidence.id,
        fileName: evidence.file_name,
        mediaType: evidence.media_type,
        sizeBytes: evidence.size_bytes,
        addedAt: evidence.added_at.toISOString(),
      });
    },
  );

  app.get(
    '/api/v1/enforcement/inspections/:id/evidence/:evidenceId',
    {
      config: { access: [...INSPECTOR] },
      schema: {
        tags: ['enforcement'],
        summary: 'Download an evidence file (audited)',
        params: EvidenceParams,
      },
    },
    async (request, reply) => {
      const { id, evidenceId } = request.params as { id: string; evidenceId: string };
      const evidence = await evidenceFile(db(), id, evidenceId);
      if (!evidence) throw new LoketError('LOKET_NOT_FOUND');
      const content = await options.storage.get(db(), evidence.storage_key);
      if (!content) throw new LoketError('LOKET_NOT_FOUND');
      await recordAuditEvent(db(), {
        actorUserId: (request.user as User).id,
        action: 'INSPECTION_EVIDENCE_READ',
        subjectType: 'inspection',
        subjectId: id,
        requestId: String(request.id),
        details: { evidenceId },
      });
      return reply
        .type(evidence.media_type)
        .header('content-disposition', contentDisposition(evidence.file_name))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
}
