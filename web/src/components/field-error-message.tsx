import { useT } from '../i18n.ts';

/** The message next to a field in error, prefixed for screen readers ("Error:"), as in TextField. */
export function FieldErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  const t = useT();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('shell.errorPrefix')} </span>
      {message}
    </p>
  );
}
