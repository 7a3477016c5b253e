import { renderLegalBasis } from '../../../../src/rules/messages/legal-basis.ts';
import { currentLang, type Translate, useT } from '../../i18n.ts';
import type { Inadmissibility, InadmissibilityGround } from './dossier-model.ts';
import { documentTypeName } from './labels.ts';

type Key = Parameters<Translate>[0];

/** One ground in words: the region by name, fields by their question, documents by their name. */
function groundText(t: Translate, ground: InadmissibilityGround): string {
  switch (ground.code) {
    case 'NOT_COMPETENT_REGION':
      return ground.region && ground.region !== 'FLANDERS'
        ? t('employer.inadmissible.grounds.NOT_COMPETENT_REGION', {
            region: t(`employer.inadmissible.regions.${ground.region}` as Key),
          })
        : t('employer.inadmissible.grounds.notCompetentNoRegion');
    case 'INCOMPLETE_APPLICATION': {
      const items = [
        ...(ground.fields ?? []).map((path) =>
          t(`employer.questions.application.${path}` as Key, { defaultValue: path }),
        ),
        ...(ground.invalid ?? []).map((code) =>
          t(`employer.inadmissible.invalid.${code}` as Key, { defaultValue: code }),
        ),
      ];
      return t('employer.inadmissible.grounds.INCOMPLETE_APPLICATION', { items: items.join(', ') });
    }
    case 'MISSING_DOCUMENTS':
      return t('employer.inadmissible.grounds.MISSING_DOCUMENTS', {
        items: (ground.documentTypes ?? []).map((type) => documentTypeName(t, type)).join(', '),
      });
    default:
      return t('employer.inadmissible.grounds.other');
  }
}

/**
 * Why a dossier was declared inadmissible, for the employer and the worker: each ground, its legal
 * basis, and that no fee is asked. `forEmployer` adds what the employer can do next.
 */
export function InadmissibilityNotice({
  inadmissibility,
  forEmployer = false,
}: {
  inadmissibility: Inadmissibility | null;
  forEmployer?: boolean;
}) {
  const t = useT();
  const grounds = inadmissibility?.grounds ?? [];
  return (
    <section className="emp-notice emp-notice--warning" aria-labelledby="inadmissible-title">
      <h2 id="inadmissible-title" className="emp-notice__title">
        {t('employer.inadmissible.title')}
      </h2>
      <p>{t('employer.inadmissible.intro')}</p>
      <ul className="list--bullet">
        {grounds.length > 0 ? (
          grounds.map((ground) => <li key={ground.code}>{groundText(t, ground)}</li>)
        ) : (
          <li>{t('employer.inadmissible.grounds.other')}</li>
        )}
      </ul>
      {inadmissibility?.legalBasis ? (
        <p className="emp-hint">
          {t('employer.inadmissible.legalBasis', {
            basis: renderLegalBasis(inadmissibility.legalBasis, currentLang()),
          })}
        </p>
      ) : null}
      <p>{t('employer.inadmissible.noFee')}</p>
      {forEmployer ? <p>{t('employer.inadmissible.next')}</p> : null}
    </section>
  );
}
