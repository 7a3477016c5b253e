import { useEffect, useState } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { categoryName, formatDate, statusName, statusTone } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { GroundsProposalForm } from './grounds-proposal-form.tsx';
import { InspectionForm } from './inspection-form.tsx';
import { InspectionList } from './inspection-list.tsx';
import type { EmployerFile, Inspection } from './inspector-types.ts';
import { ScoreMethod } from './score-method.tsx';
import { ScoreParts } from './score-parts.tsx';
import { SignalEvidence } from './signal-evidence.tsx';

/**
 * `/inspector/employers/:enterpriseNumber`: the employer's file as enforcement needs it: the score
 * with its parts, each signal with its evidence, the dossiers (number, category, status, validity,
 * the worker's family name: no application answers), the desk's reports linked to the employer and
 * earlier inspections; an inspection is recorded here and, when it warrants it, a withdrawal proposed.
 */
export function EmployerFilePage({ enterpriseNumber }: { enterpriseNumber: string }) {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  const [file, setFile] = useState<EmployerFile | null | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState('');
  const [wantsWithdrawal, setWantsWithdrawal] = useState(false);
  const title = file?.name ?? formatKbo(enterpriseNumber);
  usePageTitle(t('inspector.file.title', { employer: title }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for the file again after a change
  useEffect(() => {
    let current = true;
    api.call<EmployerFile>('GET', `/api/v1/enforcement/employers/${enterpriseNumber}`).then(
      (answer) => current && setFile(answer),
      () => current && setFile(null),
    );
    return () => {
      current = false;
    };
  }, [api, enterpriseNumber, reload]);

  // A link to a part of the file (the report page's dossier count → `#file-dossiers`) lands there
  // once the file is read: the app's own navigation does not follow the fragment by itself.
  useEffect(() => {
    const target = file ? window.location.hash.slice(1) : '';
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [file]);

  const back = (
    <p>
      <Link href={pagePath('inspectorHome')}>{t('inspector.file.back')}</Link>
    </p>
  );
  if (file === undefined) return <Loading />;
  if (file === null)
    return (
      <>
        {back}
        <PageHeading>{t('inspector.file.title', { employer: formatKbo(enterpriseNumber) })}</PageHeading>
        <p role="alert">{t('inspector.file.notFound')}</p>
      </>
    );

  const dossierById = new Map(file.dossiers.map((d) => [d.id, d]));
  const grantable = file.dossiers.filter((d) => d.status === 'DECIDED_GRANTED' && !d.withdrawalOpen);
  const flagged = file.signals.find((s) => s.dossierId && grantable.some((d) => d.id === s.dossierId));
  const proposedWithdrawal = file.inspections.some((i: Inspection) => i.outcome === 'WITHDRAWAL_PROPOSED');

  return (
    <>
      {back}
      <PageHeading>{t('inspector.file.title', { employer: title })}</PageHeading>
      {notice ? (
        <p role="status" className="emp-notice emp-notice--success">
          {notice}
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: 'kbo',
            label: t('inspector.file.enterpriseNumber'),
            value: formatKbo(file.enterpriseNumber),
          },
          {
            key: 'province',
            label: t('inspector.workList.province'),
            value: file.province
              ? t(`analyst.places.${file.province as 'ANTWERPEN'}`)
              : t('inspector.file.unknown'),
          },
          {
            key: 'nace',
            label: t('inspector.file.nace'),
            value: file.naceCode ?? t('inspector.file.unknown'),
          },
          {
            key: 'readOn',
            label: t('inspector.file.readOn'),
            value: file.readOn ? formatDate(lang, file.readOn) : t('inspector.workList.noRun'),
          },
        ]}
      />
      <section aria-labelledby="file-score">
        <h2 id="file-score">{t('inspector.file.scoreTitle')}</h2>
        {file.parts.length === 0 ? (
          <p>{t('inspector.file.noSignals')}</p>
        ) : (
          <>
            <ScoreParts
              score={file.score}
              parts={file.parts}
              dossierNumber={(id) => dossierById.get(id)?.number}
            />
            <ScoreMethod scoring={file.scoring} parts={file.parts} />
          </>
        )}
      </section>
      <section aria-labelledby="file-signals">
        <h2 id="file-signals">{t('inspector.file.signalsTitle')}</h2>
        <p>{t('inspector.file.signalsIntro')}</p>
        {file.signals.map((signal, index) => (
          <SignalEvidence
            // biome-ignore lint/suspicious/noArrayIndexKey: a run's signals have no id of their own
            key={index}
            index={index}
            signal={signal}
            dossier={signal.dossierId ? dossierById.get(signal.dossierId) : undefined}
            scoring={file.scoring}
          />
        ))}
      </section>
      <section aria-labelledby="file-dossiers">
        <h2 id="file-dossiers">{t('inspector.file.dossiersTitle')}</h2>
        <p>{t('inspector.file.dossiersScope')}</p>
        {file.dossiers.length === 0 ? <p>{t('inspector.file.noDossiers')}</p> : null}
        {file.dossiers.length > 0 ? (
          // Named apart from its section: at 390 px the scroll box is a region of its own (axe landmark-unique).
          <TableScroll label={t('inspector.file.dossiersCaption')}>
            <table className="table">
              <caption className="visually-hidden">{t('inspector.file.dossiersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspector.file.dossierNumber')}</th>
                  <th scope="col">{t('inspector.file.worker')}</th>
                  <th scope="col">{t('inspector.file.category')}</th>
                  <th scope="col">{t('inspector.file.status')}</th>
                  <th scope="col">{t('inspector.file.validity')}</th>
                </tr>
              </thead>
              <tbody>
                {file.dossiers.map((dossier) => (
                  <tr key={dossier.id}>
                    <td>{dossier.number}</td>
                    <td>{dossier.workerFamilyName ?? ''}</td>
                    <td>{categoryName(t, dossier.category)}</td>
                    <td>
                      <Tag tone={statusTone(dossier.status)}>{statusName(t, dossier.status)}</Tag>
                      {dossier.withdrawalOpen ? (
                        <>
                          {' '}
                          <Tag tone="action">{t('inspector.file.withdrawalOpen')}</Tag>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {dossier.validFrom && dossier.validUntil
                        ? t('inspector.file.validFromTo', {
                            from: formatDate(lang, dossier.validFrom),
                            until: formatDate(lang, dossier.validUntil),
                          })
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
      <section aria-labelledby="file-reports">
        <h2 id="file-reports">{t('inspector.file.reportsTitle')}</h2>
        {file.reports.length === 0 ? <p>{t('inspector.file.noReports')}</p> : null}
        <ul>
          {file.reports.map((report) => (
            <li key={report.id}>
              <Link href={pagePath('inspectorReport', { deskReportId: report.id })}>{report.reference}</Link>
              {', '}
              {t('inspector.file.reportLine', {
                date: formatDate(lang, report.receivedOn),
                status: t(`staff.triage.statuses.${report.status as 'RECEIVED'}`),
                subjects: report.categories
                  .map((c) => t(`staff.triage.categories.${c as 'OTHER'}`))
                  .join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="file-inspections">
        <h2 id="file-inspections">{t('inspector.file.inspectionsTitle')}</h2>
        <InspectionList inspections={file.inspections} onChanged={() => setReload((n) => n + 1)} />
      </section>
      <section aria-labelledby="file-record" className="panel">
        <h2 id="file-record">{t('inspector.inspection.title')}</h2>
        <InspectionForm
          enterpriseNumber={file.enterpriseNumber}
          onRecorded={(outcome) => {
            setNotice(t('inspector.inspection.recorded'));
            setWantsWithdrawal(outcome === 'WITHDRAWAL_PROPOSED');
            setReload((n) => n + 1);
          }}
        />
      </section>
      {file.dossiers.some((d) => d.pending) ? (
        <section aria-labelledby="file-refusal" className="panel">
          <h2 id="file-refusal">{t('inspector.refusal.title')}</h2>
          <p>{t('inspector.refusal.intro')}</p>
          <GroundsProposalForm
            kind="refusal"
            dossiers={file.dossiers.filter((d) => d.pending)}
            onProposed={() => setNotice(t('inspector.refusal.proposed'))}
          />
        </section>
      ) : null}
      {wantsWithdrawal || proposedWithdrawal ? (
        <section aria-labelledby="file-withdrawal" className="panel">
          <h2 id="file-withdrawal">{t('inspector.withdrawal.title')}</h2>
          <p>{t('inspector.withdrawal.intro')}</p>
          <GroundsProposalForm
            kind="withdrawal"
            key={grantable.map((d) => d.id).join()}
            dossiers={grantable}
            preferred={flagged?.dossierId ?? undefined}
            onProposed={() => {
              setNotice(t('inspector.withdrawal.proposed'));
              setWantsWithdrawal(false);
              setReload((n) => n + 1);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
