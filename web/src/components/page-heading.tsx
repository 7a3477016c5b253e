import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n.ts';
import { takeFocusRequest } from '../routing.tsx';
import { keepReferencesWhole } from './reference-text.tsx';
import { useShellText } from './shell-texts.tsx';

/**
 * Sets `document.title` to "<page> – Loket – <organisation>", prefixed with "Error:" while a form
 * has errors. The home page passes null: its title is "Loket – <organisation>" alone, not the
 * service's name twice.
 */
export function usePageTitle(title: string | null, hasErrors = false): void {
  const t = useT();
  const errorPrefix = useShellText('errorPrefix');
  const prefix = hasErrors ? `${errorPrefix} ` : '';
  const suffix = t('service.titleSuffix');
  const full = title === null ? suffix : `${prefix}${title} – ${suffix}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
}

/** The page's one `<h1>`; after an in-app navigation it takes the focus so screen readers announce the page. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {typeof children === 'string' ? keepReferencesWhole(children) : children}
    </h1>
  );
}
