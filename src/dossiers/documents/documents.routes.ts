import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import { translate } from '../../i18n/translate.ts';
import { LoketError } from '../../server/errors.ts';
import { IdempotencyHeaders, idempotencyKey } from '../../server/idempotency.ts';
import { readMultipartForm } from '../../validation/multipart-form.ts';
import { loadDossierFor } from '../dossier-guard.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { buildEpcQrPayload } from '../fees/epc-qr-payload.ts';
import { feeStateOf } from '../fees/fee-due.ts';
import { renderFeeInvitation } from '../fees/fee-invitation.ts';
import { renderQrSvg } from '../fees/payment-qr.ts';
import { letterEmployer } from '../letters/letter-employer.repo.ts';
import type { DocumentStorage } from './document-storage.ts';
import { contentDisposition } from './file-names.ts';
import { ACCEPTED_MEDIA_TYPES, removeDocument, uploadDocument } from './upload-document.ts';

const DossierParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocumentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid' }),
});
const EMPLOYER_AND_STAFF = ['EMPLOYER', 'CASE_HANDLER', 'SUPERVISOR'] as const;

/** Documents, the fee's payment instructions and the decision letters of a dossier. */
export async function documentRoutes(
  app: FastifyInstance,
  options: DossierRouteOptions & { storage: DocumentStorage },
): Promise<void> {
  const db = () => options.database.db;
  const { feeAccount, documents } = options.caseHandling;

  // The upload form states the limit in its hint and checks a file before sending it.
  app.get(
    '/api/v1/documents/limits',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: { tags: ['documents'], summary: 'The largest document accepted, and the file kinds' },
    },
    async () => ({
      maxBytes: documents.maxBytes,
      maxMegabytes: Math.round(documents.maxBytes / 1_048_576),
      mediaTypes: [...ACCEPTED_MEDIA_TYPES],
    }),
  );

  app.post(
    '/api/v1/dossiers/:id/documents',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['documents'],
        summary:
          'Upload a document (multipart: documentType, then file; PDF, JPEG or PNG, checked by content; idempotent with an Idempotency-Key header)',
        params: DossierParams,
        headers: IdempotencyHeaders,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      if (!request.isMultipart()) throw new LoketError('LOKET_UNSUPPORTED_MEDIA_TYPE');
      // Set in the callback: `as` keeps TypeScript from narrowing them to null.
      let documentType = null as string | null;
      let file = null as { name: string; content: Buffer } | null;
      await readMultipartForm(
        request,
        { fileSize: documents.maxBytes + 1, files: 1, fields: 5 },
        async (part) => {
          if (part.type === 'field' && part.fieldname === 'documentType') documentType = String(part.value);
          if (part.type === 'file') file = { name: part.filename, content: await part.toBuffer() };
        },
      );
      const missing = [...(documentType ? [] : ['documentType']), ...(file ? [] : ['file'])].map((path) => ({
        path,
        rule: 'required',
        message: translate(request.lang, 'validation.required'),
      }));
      if (missing.length > 0 || !file || !documentType)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, missing);
      const key = idempotencyKey(request);
      const document = await uploadDocument(db(), options.storage, {
        dossierId: id,
        documentType,
        fileName: file.name,
        content: file.content,
        userId: (request.user as User).id,
        lang: request.lang,
        maxBytes: documents.maxBytes,
        ...(key ? { idempotencyKey: key } : {}),
      });
      return reply.code(201).send({
        id: document.id,
        documentType: document.document_type,
        fileName: document.file_name,
        mediaType: document.media_type,
        sizeBytes: document.size_bytes,
        uploadedAt: document.uploaded_at.toISOString(),
      });
    },
  );

  app.get(
    '/api/v1/dossiers/:id/documents/:documentId',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: { tags: ['documents'], summary: 'Download a document', params: DocumentParams },
    },
    async (request, reply) => {
      const { id, documentId } = request.params as { id: string; documentId: string };
      await loadDossierFor(db(), request, id, 'READ', `document:${documentId}`);
      const document = await db()
        .selectFrom('dossier_documents')
        .selectAll()
        .where('id', '=', documentId)
        .where('dossier_id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!document) throw new LoketError('LOKET_NOT_FOUND');
      const content = await options.storage.get(db(), document.storage_key);
      if (!content) throw new LoketError('LOKET_NOT_FOUND');
      return reply
        .type(document.media_type)
        .header('content-disposition', contentDisposition(document.file_name))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  // Staff read a document beside the application (an <iframe> for a PDF, an <img> for a picture):
  // the same file shown inline, framable by Loket's own pages only, running nothing of its own.
  app.get(
    '/api/v1/dossiers/:id/documents/:documentId/inline',
    {
      config: { access: ['CASE_HANDLER', 'SUPERVISOR'] },
      schema: { tags: ['documents'], summary: 'A document shown inline (staff)', params: DocumentParams },
    },
    async (request, reply) => {
      const { id, documentId } = request.params as { id: string; documentId: string };
      await loadDossierFor(db(), request, id, 'READ', `document-inline:${documentId}`);
      const document = await db()
        .selectFrom('dossier_documents')
        .selectAll()
        .where('id', '=', documentId)
        .where('dossier_id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!document || !ACCEPTED_MEDIA_TYPES.includes(document.media_type as never))
        throw new LoketError('LOKET_NOT_FOUND');
      const content = await options.storage.get(db(), document.storage_key);
      if (!content) throw new LoketError('LOKET_NOT_FOUND');
      return reply
        .type(document.media_type)
        .header('content-disposition', contentDisposition(document.file_name, 'inline'))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('x-frame-options', 'SAMEORIGIN')
        .header(
          'content-security-policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        )
        .send(content);
    },
  );

  app.delete(
    '/api/v1/dossiers/:id/documents/:documentId',
    {
      config: { access: ['EMPLOYER'] },
      schema: { tags: ['documents'], summary: 'Remove a document from a draft', params: DocumentParams },
    },
    async (request, reply) => {
      const { id, documentId } = request.params as { id: string; documentId: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      await removeDocument(db(), { dossierId: id, documentId, userId: (request.user as User).id });
      return reply.code(204).send();
    },
  );

  const feeFacts = async (dossierId: string, request: Parameters<typeof loadDossierFor>[1]) => {
    const dossier = await loadDossierFor(db(), request, dossierId, 'READ', 'fee');
    const state = feeStateOf({
      status: dossier.status,
      feeAmountCents: dossier.fee_amount_cents,
      feeReference: dossier.fee_reference,
      feePaidOn: dossier.fee_paid_on,
    });
    // No invitation, QR code or PDF for a fee that is not asked (inadmissible, withdrawn, nothing due).
    if (state === 'NONE' || !dossier.number) throw new LoketError('LOKET_NOT_FOUND');
    return dossier;
  };

  app.get(
    '/api/v1/dossiers/:id/fee',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: {
        tags: ['documents'],
        summary: 'Payment instructions of the fee: amount, structured reference, EPC QR code',
        params: DossierParams,
      },
    },
    async (request) => {
      const dossier = await feeFacts((request.params as { id: string }).id, request);
      const amountEur = (dossier.fee_amount_cents as number) / 100;
      const payload = buildEpcQrPayload({
        beneficiaryName: feeAccount.beneficiaryName,
        iban: feeAccount.iban,
        bic: feeAccount.bic,
        amountEur,
        remittance: dossier.fee_reference as string,
      });
      return {
        amountEur,
        currency: 'EUR',
        reference: dossier.fee_reference,
        beneficiary: feeAccount.beneficiaryName,
        iban: feeAccount.iban,
        bic: feeAccount.bic,
        paidOn: dossier.fee_paid_on,
        epcPayload: payload,
        qrSvg: await renderQrSvg(payload, { title: translate(request.lang, 'fee.qrTitle') }),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/:id/fee.pdf',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: { tags: ['documents'], summary: 'The fee payment invitation as PDF', params: DossierParams },
    },
    async (request, reply) => {
      const dossier = await feeFacts((request.params as { id: string }).id, request);
      const pdf = await renderFeeInvitation({
        lang: dossier.lang,
        generatedAt: new Date(),
        dossierNumber: dossier.number as string,
        employer: await letterEmployer(db(), dossier.id, dossier.enterprise_number),
        amountEur: (dossier.fee_amount_cents as number) / 100,
        beneficiary: { name: feeAccount.beneficiaryName, iban: feeAccount.iban, bic: feeAccount.bic },
        reference: dossier.fee_reference as string,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${dossier.number}-fee.pdf`))
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/dossiers/:id/letters/:letterId',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: {
        tags: ['documents'],
        summary: 'Download a decision letter (PDF)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          letterId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      const { id, letterId } = request.params as { id: string; letterId: string };
      const dossier = await loadDossierFor(db(), request, id, 'READ', `letter:${letterId}`);
      const letter = await db()
        .selectFrom('dossier_letters')
        .select(['pdf', 'kind'])
        .where('id', '=', letterId)
        .where('dossier_id', '=', id)
        .executeTakeFirst();
      if (!letter) throw new LoketError('LOKET_NOT_FOUND');
      if (request.user?.role === 'EMPLOYER') {
        await recordAuditEvent(db(), {
          actorUserId: request.user.id,
          action: 'DOSSIER_LETTER_DOWNLOADED',
          subjectType: 'dossier',
          subjectId: id,
          details: { letterId },
        });
      }
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`${dossier.number}-${letter.kind.toLowerCase()}.pdf`),
        )
        .header('cache-control', 'private, no-store')
        .send(letter.pdf);
    },
  );
}
