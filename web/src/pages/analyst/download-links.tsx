import { useT } from '../../i18n.ts';
import type { Format } from './stats-format.ts';

const FORMATS: readonly Format[] = ['csv', 'xlsx', 'json'];

/**
 * The figures on screen as files: plain links to the API (the browser sends the session cookie),
 * so "save link as" and a right click work as for any download.
 */
export function DownloadLinks({ label, href }: { label: string; href: (format: Format) => string }) {
  const t = useT();
  return (
    <nav aria-label={label} className="stats-downloads">
      <p className="stats-downloads__title">{label}</p>
      <ul className="stats-downloads__list">
        {FORMATS.map((format) => (
          <li key={format}>
            <a href={href(format)} download>
              {t(`analyst.downloads.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
