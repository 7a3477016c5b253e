import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n.ts';
import { labelOf } from '../staff-format.ts';
import type { DossierOverview } from '../staff-types.ts';

export type ViewedDocument = DossierOverview['documents'][number];

/**
 * A document read beside the application, without downloading it: a PDF in a frame, a picture as
 * an image, both from the inline route (served with `Content-Disposition: inline`, framable by
 * Loket's own pages only; each read is in the audit trail). The heading takes the focus when a
 * document is opened, so a keyboard user lands on it.
 */
export function DocumentViewer({
  dossierId,
  document,
  onClose,
}: {
  dossierId: string;
  document: ViewedDocument;
  onClose: () => void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when another document opens
  useEffect(() => heading.current?.focus(), [document.id]);
  const src = `/api/v1/dossiers/${dossierId}/documents/${document.id}/inline`;
  const title = t('staff.viewer.title', {
    type: labelOf(t, 'documentTypes', document.documentType),
    name: document.fileName,
  });
  return (
    <section aria-labelledby="viewer-title" className="staff-section staff-viewer">
      <h2 id="viewer-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="staff-viewer__actions">
        <a href={src} target="_blank" rel="noopener">
          {t('staff.viewer.openSeparately')}
        </a>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('staff.viewer.close')}
        </button>
      </p>
      {document.mediaType === 'application/pdf' ? (
        <iframe className="staff-viewer__frame" src={src} title={title} data-testid="document-frame" />
      ) : (
        <img className="staff-viewer__image" src={src} alt={title} data-testid="document-image" />
      )}
    </section>
  );
}
