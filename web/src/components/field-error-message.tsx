import { useShellText } from './shell-texts.tsx';

/** The message next to a field in error, prefixed for screen readers ("Error:"), as in TextField. */
export function FieldErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  const prefix = useShellText('errorPrefix');
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{prefix} </span>
      {message}
    </p>
  );
}
