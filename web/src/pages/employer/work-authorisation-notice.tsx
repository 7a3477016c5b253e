import { currentLang, useT } from '../../i18n.ts';

/**
 * Said as soon as a nationality is chosen whose workers need no work authorisation (Belgian, EU,
 * EEA, Swiss: the rules' WORK_AUTHORISATION_NOT_REQUIRED), in the self-check and in the form,
 * before the employer goes any further. `inApplication` adds that the application cannot be filed.
 */
export function WorkAuthorisationNotice({
  nationality,
  inApplication = false,
}: {
  nationality: string;
  inApplication?: boolean;
}) {
  const t = useT();
  const country = new Intl.DisplayNames([currentLang()], { type: 'region' }).of(nationality) ?? nationality;
  return (
    <div className="emp-notice" role="status" data-testid="no-authorisation-notice">
      <p className="emp-notice__title">
        <strong>{t('employer.nationalityNotice.title')}</strong>
      </p>
      <p>
        {nationality === 'BE'
          ? t('employer.nationalityNotice.BELGIAN')
          : t('employer.nationalityNotice.FREE_MOVEMENT', { country })}
      </p>
      {inApplication ? <p>{t('employer.nationalityNotice.inApplication')}</p> : null}
    </div>
  );
}
