/** Paging and times of the outbox page, kept pure for unit tests. */

export const OUTBOX_PAGE_SIZE = 20;

export interface OutboxPaging {
  /** 1-based page number. */
  page: number;
  offset: number;
  limit: number;
}

/** The page asked for in `?page=N`; anything else is the first page. */
export function outboxPagingOf(search: string, pageSize = OUTBOX_PAGE_SIZE): OutboxPaging {
  const raw = new URLSearchParams(search).get('page') ?? '1';
  const page = /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
  return { page, offset: (page - 1) * pageSize, limit: pageSize };
}

/** The pages there are for `total` mails (at least one, so an empty outbox is "page 1 of 1"). */
export function outboxPageCount(total: number, pageSize = OUTBOX_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The address of page `page` of the outbox. */
export function outboxPageHref(page: number): string {
  return page <= 1 ? '/admin/outbox' : `/admin/outbox?page=${page}`;
}

const LOCALES: Readonly<Record<string, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/**
 * A moment as the administrator reads it: Belgian time (Europe/Brussels, summer time included),
 * whatever the browser's time zone, written the way the page's language writes dates.
 */
export function formatOutboxMoment(iso: string, lang: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang] ?? LOCALES.nl, {
    timeZone: 'Europe/Brussels',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(moment);
}
