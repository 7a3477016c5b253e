import type { ChangeKind } from '../../../../src/governance/rule-data/rule-versions.ts';
import type { FunctionClassification } from '../../../../src/occupations/function-classification.ts';
import { currentLang, useT } from '../../i18n.ts';

/**
 * A shortage function's ISCO-08 group and ESCO occupation, as the reader meets them on the public
 * history pages (issue 15). A name the ESCO data has in another language only is marked with its
 * language (`lang`, WCAG 3.1.2) and said to be in it.
 */
export function IscoGroup({ c }: { c: FunctionClassification }) {
  const t = useT();
  const lang = currentLang();
  if (!c.isco) return <>{t('functionCodes.unclassified')}</>;
  return (
    <>
      <span className="gov-nowrap">{t('functionCodes.isco', { code: c.isco })}</span>
      {c.iscoName ? (
        <>
          {' '}
          <span lang={c.iscoNameLang ?? undefined}>{c.iscoName}</span>
          {c.iscoNameLang && c.iscoNameLang !== lang
            ? ` ${t(`functionCodes.inLanguage.${c.iscoNameLang}`)}`
            : null}
        </>
      ) : null}
    </>
  );
}

export function EscoOccupation({ c }: { c: FunctionClassification }) {
  const t = useT();
  const lang = currentLang();
  if (c.escoLabel) {
    return (
      <>
        <span lang={c.escoLabelLang ?? undefined}>{c.escoLabel}</span>
        {c.escoLabelLang && c.escoLabelLang !== lang
          ? ` ${t(`functionCodes.inLanguage.${c.escoLabelLang}`)}`
          : null}
      </>
    );
  }
  return <>{c.escoFit === 'none' ? t('functionCodes.escoNone') : t('functionCodes.unclassified')}</>;
}

/** Both in one line, for lists of functions. */
export function FunctionCodes({ c }: { c: FunctionClassification }) {
  const t = useT();
  return (
    <span className="gov-muted">
      {' — '}
      <IscoGroup c={c} />
      {'; '}
      {t('functionCodes.esco')} <EscoOccupation c={c} />
    </span>
  );
}

/** What made a function "changed", in words. */
export function changeWords(what: readonly ChangeKind[], t: ReturnType<typeof useT>): string {
  return what.map((kind) => t(`functionCodes.what.${kind}`)).join('; ');
}
