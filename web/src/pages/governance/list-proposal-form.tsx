import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { addDays, errorsByField } from './governance-format.ts';
import type { ListEntry, ListVersionSummary } from './governance-types.ts';
import { ProposalSourceFields, useProposalSource } from './proposal-source-fields.tsx';

type VersionWithEntries = ListVersionSummary & { entries: ListEntry[] };

const FIELD_IDS: Record<string, string> = {
  validFrom: 'list-validFrom',
  legalAct: 'list-legalAct',
  source: 'list-source',
  note: 'list-note',
  entries: 'list-submit',
  form: 'list-submit',
  newId: 'new-id',
  newGroup: 'new-group',
  newNl: 'new-nl',
  newFr: 'new-fr',
  newEn: 'new-en',
};

/** Propose a new version of the migration list, starting from the latest approved one. */
export function ListProposalForm({
  earliest,
  onProposed,
}: {
  earliest: string;
  onProposed(text: string): void;
}) {
  const versions = useApiLoad<{ versions: ListVersionSummary[] }>('/api/v1/rule-data/lists/migration-list');
  const latest = versions.load.status === 'ready' ? versions.load.data.versions.at(-1) : undefined;
  const full = useApiLoad<VersionWithEntries>(
    latest ? `/api/v1/rule-data/lists/migration-list/${latest.version}` : null,
  );
  if (full.load.status !== 'ready') return versions.load.status === 'failed' ? null : <Loading />;
  return (
    <ListForm
      key={full.load.data.version}
      base={full.load.data}
      earliest={earliest}
      onProposed={onProposed}
    />
  );
}

function ListForm({
  base,
  earliest,
  onProposed,
}: {
  base: VersionWithEntries;
  earliest: string;
  onProposed(text: string): void;
}) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const afterLatest = addDays(base.validFrom, 1);
  const proposal = useProposalSource(afterLatest > earliest ? afterLatest : earliest);
  const [legalAct, setLegalAct] = useState('');
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [added, setAdded] = useState<ListEntry[]>([]);
  const EMPTY_DRAFT = { id: '', group: '', nl: '', fr: '', en: '', isco: '', esco: '' };
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const k = 'governance.proposals.listForm';
  const labels: Record<string, string> = {
    validFrom: t('governance.proposals.parameterForm.validFrom'),
    legalAct: t(`${k}.legalAct`),
    source: t('governance.proposals.parameterForm.source'),
    note: t('governance.proposals.parameterForm.note'),
    entries: t(`${k}.functions`),
    newId: t(`${k}.newId`),
    newGroup: t(`${k}.newGroup`),
    newNl: t(`${k}.newLabelNl`),
    newFr: t(`${k}.newLabelFr`),
    newEn: t(`${k}.newLabelEn`),
    newIsco: t(`${k}.newIsco`),
    newEsco: t(`${k}.newEsco`),
  };
  const groups = [...new Set(base.entries.map((e) => e.group))];
  const required = (found: Record<string, string>, key: string, text: string) => {
    if (!text.trim()) found[key] = t('governance.accountForm.errors.required', { field: labels[key] });
  };

  function addEntry() {
    const found: Record<string, string> = {};
    required(found, 'newId', draft.id);
    required(found, 'newGroup', draft.group);
    required(found, 'newNl', draft.nl);
    required(found, 'newFr', draft.fr);
    required(found, 'newEn', draft.en);
    if (draft.isco.trim() && !/^[0-9]{4}$/.test(draft.isco.trim())) found.newIsco = t(`${k}.iscoFormat`);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const entry: ListEntry = {
      id: draft.id.trim().toLowerCase(),
      group: draft.group.trim().toLowerCase(),
      labels: { nl: draft.nl.trim(), fr: draft.fr.trim(), en: draft.en.trim() },
      verified: false,
      ...(draft.isco.trim() ? { isco: draft.isco.trim() } : {}),
      ...(draft.esco.trim() ? { esco: draft.esco.trim().replace(/^.*\//, '').toLowerCase() } : {}),
    };
    setAdded((now) => [...now.filter((e) => e.id !== entry.id), entry]);
    setDraft(EMPTY_DRAFT);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    required(found, 'validFrom', proposal.source.validFrom);
    required(found, 'legalAct', legalAct);
    required(found, 'source', proposal.source.source);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.call('POST', '/api/v1/rule-data/proposals/list', {
        ...proposal.body(),
        legalAct: legalAct.trim(),
        entries: [...base.entries.filter((e) => !removed.has(e.id)), ...added],
      });
      onProposed(t(`${k}.done`));
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsByField(
              error.fields.map((f) => (f.path.includes('entries') ? { ...f, path: 'body.entries' } : f)),
              labels,
            )
          : { form: error instanceof ApiError ? error.message : t('governance.failed') },
      );
    } finally {
      setBusy(false);
    }
  }

  const kept = base.entries.length - removed.size;
  return (
    <section aria-labelledby="list-form-title" className="gov-section">
      <h2 id="list-form-title">{t(`${k}.title`)}</h2>
      <p>{t(`${k}.intro`, { version: base.version, count: base.entries.length })}</p>
      <ErrorSummary
        items={Object.entries(errors).map(([key, message]) => ({
          message,
          fieldId: FIELD_IDS[key] ?? 'list-submit',
        }))}
      />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        <ProposalSourceFields
          idPrefix="list"
          earliest={earliest}
          labels={labels}
          errors={errors}
          state={proposal}
          beforeSource={
            <TextField
              id="list-legalAct"
              label={labels.legalAct as string}
              hint={t(`${k}.legalActHint`)}
              maxLength={500}
              value={legalAct}
              onChange={(event) => setLegalAct(event.target.value)}
              error={errors.legalAct}
            />
          }
        />
        <h3>{labels.entries}</h3>
        <p role="status">{t(`${k}.summary`, { kept, added: added.length, removed: removed.size })}</p>
        <ul className="gov-entries">
          {base.entries.map((entry) => {
            const gone = removed.has(entry.id);
            const name = entry.labels[lang];
            return (
              <li key={entry.id} className={gone ? 'gov-entry gov-entry--removed' : 'gov-entry'}>
                <span>
                  {gone ? <del>{name}</del> : name}
                  {gone ? ` (${t(`${k}.removed`)})` : ''}
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-pressed={gone}
                  onClick={() =>
                    setRemoved((now) => {
                      const next = new Set(now);
                      if (gone) next.delete(entry.id);
                      else next.add(entry.id);
                      return next;
                    })
                  }
                >
                  {gone ? t(`${k}.restore`, { name }) : t(`${k}.remove`, { name })}
                </button>
              </li>
            );
          })}
          {added.map((entry) => (
            <li key={entry.id} className="gov-entry">
              <span>
                {entry.labels[lang]} ({t(`${k}.added`)})
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setAdded((now) => now.filter((e) => e.id !== entry.id))}
              >
                {t(`${k}.remove`, { name: entry.labels[lang] })}
              </button>
            </li>
          ))}
        </ul>
        <fieldset className="form-fieldset gov-new-entry">
          <legend className="form-legend">{t(`${k}.addTitle`)}</legend>
          <TextField
            id="new-id"
            label={labels.newId as string}
            hint={t(`${k}.newIdHint`)}
            maxLength={80}
            value={draft.id}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
            error={errors.newId}
          />
          <TextField
            id="new-group"
            label={labels.newGroup as string}
            list="new-group-options"
            maxLength={40}
            value={draft.group}
            onChange={(e) => setDraft({ ...draft, group: e.target.value })}
            error={errors.newGroup}
          />
          <datalist id="new-group-options">
            {groups.map((group) => (
              <option key={group} value={group} />
            ))}
          </datalist>
          <TextField
            id="new-nl"
            lang="nl"
            label={labels.newNl as string}
            maxLength={200}
            value={draft.nl}
            onChange={(e) => setDraft({ ...draft, nl: e.target.value })}
            error={errors.newNl}
          />
          <TextField
            id="new-fr"
            lang="fr"
            label={labels.newFr as string}
            maxLength={200}
            value={draft.fr}
            onChange={(e) => setDraft({ ...draft, fr: e.target.value })}
            error={errors.newFr}
          />
          <TextField
            id="new-en"
            lang="en"
            label={labels.newEn as string}
            maxLength={200}
            value={draft.en}
            onChange={(e) => setDraft({ ...draft, en: e.target.value })}
            error={errors.newEn}
          />
          <TextField
            id="new-isco"
            label={labels.newIsco as string}
            hint={t(`${k}.newIscoHint`)}
            inputMode="numeric"
            maxLength={4}
            value={draft.isco}
            onChange={(e) => setDraft({ ...draft, isco: e.target.value })}
            error={errors.newIsco}
          />
          <TextField
            id="new-esco"
            label={labels.newEsco as string}
            hint={t(`${k}.newEscoHint`)}
            maxLength={100}
            value={draft.esco}
            onChange={(e) => setDraft({ ...draft, esco: e.target.value })}
            error={errors.newEsco}
          />
          <button type="button" className="button button--secondary" onClick={addEntry}>
            {t(`${k}.add`)}
          </button>
        </fieldset>
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        <button id="list-submit" type="submit" className="button" disabled={busy}>
          {t(`${k}.submit`)}
        </button>
      </form>
    </section>
  );
}
