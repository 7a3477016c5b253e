import { currentLang, useT } from '../../i18n.ts';
import { formatDate, formatEuro } from '../employer/labels.ts';
import { EvidenceFiles } from './evidence-files.tsx';
import type { Inspection } from './inspector-types.ts';

/** Earlier inspections of the employer, the latest first: origin, outcome, findings, fine, referrals, evidence. */
export function InspectionList({
  inspections,
  onChanged,
}: {
  inspections: readonly Inspection[];
  onChanged(): void;
}) {
  const t = useT();
  const lang = currentLang();
  if (inspections.length === 0) return <p>{t('inspector.file.noInspections')}</p>;
  return (
    <ol className="inspector-inspections">
      {inspections.map((inspection) => (
        <li key={inspection.id} className="inspector-inspections__item">
          <h3>
            {t('inspector.file.inspectionOn', {
              date: formatDate(lang, inspection.inspectedOn),
              outcome: t(`inspector.outcomes.${inspection.outcome}`),
            })}
          </h3>
          <p>
            {t('inspector.file.inspectionOrigin', { origin: t(`inspector.origins.${inspection.origin}`) })}
            {inspection.inspector
              ? ` ${t('inspector.file.inspectionBy', { name: inspection.inspector })}`
              : ''}
          </p>
          {inspection.findings.length > 0 ? (
            <ul>
              {inspection.findings.map((finding) => (
                <li key={finding.type}>
                  <strong>{t(`inspector.findingTypes.${finding.type}`)}</strong>: {finding.description}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('inspector.file.noFindings')}</p>
          )}
          {inspection.fineProposedEuro !== null ? (
            <p>{t('inspector.file.fine', { amount: formatEuro(lang, inspection.fineProposedEuro) })}</p>
          ) : null}
          {inspection.referrals.map((referral) => (
            <p key={referral.addressee}>
              {t('inspector.file.referral', {
                addressee: t(`inspector.addressees.${referral.addressee}`),
                date: formatDate(lang, referral.referredOn),
              })}
            </p>
          ))}
          <EvidenceFiles inspection={inspection} onAdded={onChanged} />
        </li>
      ))}
    </ol>
  );
}
