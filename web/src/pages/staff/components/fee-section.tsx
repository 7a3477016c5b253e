import { type FormEvent, useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { currentLang, useT } from '../../../i18n.ts';
import { formatDate, formatEuro, todayInBrussels } from '../staff-format.ts';
import type { DossierOverview } from '../staff-types.ts';
import type { Perform } from './action-panel.tsx';
import { Section } from './dossier-sections.tsx';

/**
 * The fee: reference, amount and payment date; while a submitted dossier's fee is unpaid the case
 * handler can record a payment seen on the account (admissibility then runs on the server).
 */
export function FeeSection({
  dossier,
  perform,
  errors,
}: {
  dossier: DossierOverview;
  perform: Perform;
  errors: Record<string, string>;
}) {
  const t = useT();
  const { fee } = dossier;
  const [paidOn, setPaidOn] = useState(todayInBrussels());
  const canRecord = fee.reference !== null && fee.paidOn === null && dossier.status === 'SUBMITTED';
  const label = t('staff.overview.fee.paidOnLabel');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void perform({
      path: `/api/v1/dossiers/${dossier.id}/fee/payment`,
      body: { paidOn },
      fields: { paidOn: { id: 'fee-paid-on', label } },
      returnsOverview: false,
      done: t('staff.overview.fee.recorded'),
    });
  }

  return (
    <Section id="fee" title={t('staff.overview.sections.fee')}>
      {fee.reference === null ? (
        <p>{t('staff.overview.fee.notDue')}</p>
      ) : (
        <dl className="staff-dl">
          <div className="staff-dl__row">
            <dt>{t('staff.overview.fee.reference')}</dt>
            <dd>{fee.reference}</dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.fee.amount')}</dt>
            <dd>{formatEuro((fee.amountDueCents ?? 0) / 100, currentLang())}</dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.fee.paidOn')}</dt>
            <dd>{fee.paidOn ? formatDate(fee.paidOn) : t('staff.overview.fee.unpaid')}</dd>
          </div>
        </dl>
      )}
      {canRecord ? (
        <form className="staff-action" noValidate onSubmit={onSubmit}>
          <h3>{t('staff.overview.fee.recordTitle')}</h3>
          <TextField
            id="fee-paid-on"
            type="date"
            label={label}
            value={paidOn}
            onChange={(event) => setPaidOn(event.target.value)}
            error={errors['fee-paid-on']}
          />
          <button type="submit" className="button">
            {t('staff.overview.fee.record')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
