/**
 * A small valid PDF standing for a scanned document of the demo, different for each dossier and
 * document type: real scans of two people's passports never share their bytes, and the monitoring
 * flags files submitted for more than one worker (src/enforcement/repeated-documents.ts).
 */
export function demoPdf(dossierId: string, documentType: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% Loket demo document ${documentType} ${dossierId}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`,
  );
}
