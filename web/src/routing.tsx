import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

// Routing with the History API: the app has a handful of pages, so no router dependency.
const NAVIGATE_EVENT = 'loket:navigate';
let focusRequested = false;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path, without a trailing slash (except for `/`). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname.replace(/(.)\/+$/, '$1'));
}

/** The current query string (`?…`), re-read on every in-app navigation and on back/forward. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Goes to `path` in the app; the next page's heading takes the focus, as after a full page load. */
export function navigate(path: string, options: { replace?: boolean; keepPosition?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  // Keeping the position (a filter form sent on the same page): no scroll, the focus stays put.
  if (!options.keepPosition) {
    focusRequested = true;
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True once after each in-app navigation: the page heading then moves the focus to itself. */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (works in a new tab, without JavaScript) that navigates in the app on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

window.addEventListener('popstate', () => {
  focusRequested = true;
});
