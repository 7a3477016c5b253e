import type { SessionUser } from '../api.ts';
import { PageHeading, usePageTitle } from '../components/page-heading.tsx';
import { currentLang, useT } from '../i18n.ts';
import { type Role, roleHomePath } from '../roles.ts';
import { Link } from '../routing.tsx';

/**
 * "No access": a signed-in user opened a page of another role. Shown before any API call is made
 * (so no 403 in the console and no half-drawn page), with the way back to the user's own home.
 */
export function NoAccessPage({
  role,
  user,
  alsoFor = [],
}: {
  role: Role;
  user: SessionUser;
  /** Other roles the page is open to, named beside `role` ("Teamleider of Analist"). */
  alsoFor?: readonly Role[];
}) {
  const t = useT();
  usePageTitle(t('noAccess.title'));
  // An employer who lands on a page of the service's staff is told so plainly, and where to go.
  const isEmployerOnStaffPage = user.role === 'EMPLOYER' && role !== 'EMPLOYER';
  return (
    <>
      <PageHeading>{t('noAccess.title')}</PageHeading>
      {isEmployerOnStaffPage ? (
        <>
          <p className="lead">{t('noAccess.employerText')}</p>
          <p>{t('noAccess.employerHelp')}</p>
        </>
      ) : (
        <>
          <p className="lead">
            {t('noAccess.text', {
              role: new Intl.ListFormat(currentLang(), { type: 'disjunction' }).format(
                [role, ...alsoFor].map((owner) => t(`roles.${owner}`)),
              ),
              yourRole: t(`roles.${user.role}`),
            })}
          </p>
          <p>{t('noAccess.help')}</p>
        </>
      )}
      <Link className="button" href={roleHomePath(user.role)}>
        {t('noAccess.back')}
      </Link>
    </>
  );
}
