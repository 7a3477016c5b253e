import { TableScroll } from '../components/table-scroll.tsx';
import { currentLang, useT } from '../i18n.ts';
import { ROLES } from '../roles.ts';

/** The administrator's table of active accounts per role (the workspace's `figures`). */
export function AccountFigures({ figures }: { figures: Record<string, number> }) {
  const t = useT();
  const format = new Intl.NumberFormat(currentLang());
  const total = ROLES.reduce((sum, role) => sum + (figures[role] ?? 0), 0);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('workspace.accounts.title')}</h2>
      <TableScroll label={t('workspace.accounts.caption')}>
        <table className="table">
          <caption className="visually-hidden">{t('workspace.accounts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.accounts.role')}</th>
              <th scope="col" className="numeric">
                {t('workspace.accounts.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role}>
                <th scope="row">{t(`roles.${role}`)}</th>
                <td className="numeric">{format.format(figures[role] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('workspace.accounts.total')}</th>
              <td className="numeric">{format.format(total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
