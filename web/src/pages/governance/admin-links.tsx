import { useT } from '../../i18n.ts';
import { type PageId, pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';

/** The administrator's home: the pages of their work, each with what it is for. */
export function AdminLinks() {
  const t = useT();
  const links: { page: PageId; label: string; hint: string }[] = [
    { page: 'adminAccounts', label: t('governance.home.accounts'), hint: t('governance.home.accountsHint') },
    { page: 'adminPartners', label: t('governance.partners.title'), hint: t('governance.partners.homeHint') },
    {
      page: 'adminProposals',
      label: t('governance.home.proposals'),
      hint: t('governance.home.proposalsHint'),
    },
    {
      page: 'ruleSimulation',
      label: t('governance.simulation.title'),
      hint: t('governance.simulation.homeHint'),
    },
    { page: 'adminOutbox', label: t('outbox.link'), hint: t('governance.home.outboxHint') },
    { page: 'ruleHistory', label: t('governance.home.history'), hint: t('governance.home.historyHint') },
    { page: 'talentPilots', label: t('talent.pilots.link'), hint: t('talent.pilots.adminHint') },
  ];
  return (
    <nav aria-labelledby="admin-links-title" className="gov-section">
      <h2 id="admin-links-title">{t('governance.home.title')}</h2>
      <ul className="gov-links">
        {links.map((link) => (
          <li key={link.page} className="gov-link">
            <Link href={pagePath(link.page)}>{link.label}</Link>
            <p className="form-hint gov-link__hint">{link.hint}</p>
          </li>
        ))}
      </ul>
    </nav>
  );
}
