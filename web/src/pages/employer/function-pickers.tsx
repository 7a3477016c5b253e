import { useState } from 'react';
import { Combobox, type ComboboxOption, type ComboboxTexts } from '../../components/combobox.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type Translate, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { CategoryGuidance } from './category-guidance.tsx';
import type { Category, FormValues } from './dossier-model.ts';
import {
  applyOccupation,
  filterChoices,
  type MigrationListChoice,
  migrationListChoices,
  type OccupationMatch,
  searchOccupations,
  useMigrationList,
  VKS_PATH,
  type VksProposal,
} from './function-catalogues.ts';
import { formatDate, questionLabel } from './labels.ts';

/** The rest of the form a picker may need: the application date, and the answers it fills in. */
export interface FormContext {
  applicationDate: string;
  /** The category the form is for: guidance says when another one fits the chosen occupation. */
  category?: Category;
  isRenewal: boolean;
  /** The paths of the questions on this page. */
  paths: readonly string[];
  values: FormValues;
  setValues(values: FormValues): void;
}

interface PickerProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  form: FormContext;
}

function comboboxTexts(t: Translate): ComboboxTexts {
  return {
    typeMore: t('employer.pickers.typeMore'),
    noResults: t('employer.pickers.noResults'),
    results: (count) => t('employer.pickers.results', { count }),
    failed: t('employer.pickers.failed'),
  };
}

const FOUR_DIGITS = /^[0-9]{4}$/;

function vksRange(t: Translate, vks: VksProposal): string {
  return vks.min === vks.max
    ? t('employer.options.vksLevel', { level: vks.min })
    : t('employer.pickers.occupation.vksRange', { min: vks.min, max: vks.max });
}

/**
 * The job's ISCO-08 code, chosen through its ESCO occupation: searching by name (or typing the
 * code) lists occupations; choosing one fills the code and proposes the function level.
 */
export function OccupationField({ id, label, value, onChange, error, form }: PickerProps) {
  const t = useT();
  const { api } = useSession();
  const [text, setText] = useState(value);
  const [chosen, setChosen] = useState<{ match: OccupationMatch; filledVks: number | null } | null>(null);

  function onTextChange(typed: string) {
    setText(typed);
    setChosen(null);
    // A typed four-digit code is the answer as it stands; other text is a search, not an answer.
    const code = typed.trim();
    onChange(FOUR_DIGITS.test(code) ? code : '');
  }

  function onSelect(option: ComboboxOption<OccupationMatch>) {
    const match = option.value;
    setText(option.text);
    const applied = applyOccupation(form.values, form.paths, match);
    form.setValues(applied.values);
    setChosen({ match, filledVks: applied.filledVks });
  }

  const search = async (query: string): Promise<ComboboxOption<OccupationMatch>[]> =>
    (await searchOccupations(api, query)).map((match) => ({
      key: match.id,
      text: match.label,
      lang: match.labelLang === currentLang() ? undefined : match.labelLang,
      detail: match.matchedAltLabel
        ? t('employer.pickers.occupation.detailAlso', { code: match.iscoCode, name: match.matchedAltLabel })
        : t('employer.pickers.occupation.detail', { code: match.iscoCode }),
      value: match,
    }));

  const vks = chosen?.match.vks ?? null;
  return (
    <Combobox
      id={id}
      label={label}
      hint={t('employer.pickers.occupation.hint')}
      error={error}
      text={text}
      onTextChange={onTextChange}
      search={search}
      onSelect={onSelect}
      texts={comboboxTexts(t)}
    >
      <div className="picker-result" aria-live="polite">
        {value ? (
          <p className="picker-result__line">{t('employer.pickers.occupation.iscoCode', { code: value })}</p>
        ) : null}
        {value && vks ? (
          <p className="picker-result__line">
            {t('employer.pickers.occupation.vksProposal', {
              range: vksRange(t, vks),
              skillLevel: vks.iscoSkillLevel,
            })}{' '}
            {chosen?.filledVks
              ? t('employer.pickers.occupation.vksFilled', {
                  level: t('employer.options.vksLevel', { level: chosen.filledVks }),
                  question: questionLabel(t, VKS_PATH),
                })
              : form.paths.includes(VKS_PATH)
                ? t('employer.pickers.occupation.vksKept')
                : ''}
          </p>
        ) : null}
        {value && chosen ? (
          <CategoryGuidance
            occupationId={chosen.match.id}
            applicationDate={form.applicationDate}
            category={form.category}
          />
        ) : null}
      </div>
      <p className="picker-source">{t('employer.pickers.occupation.source')}</p>
    </Combobox>
  );
}

/** The function on the migration list in force on the application date, chosen by its name. */
export function MigrationListField({ id, label, value, onChange, error, form }: PickerProps) {
  const t = useT();
  const load = useMigrationList(form.applicationDate);
  const choices = load.status === 'ready' ? migrationListChoices(load.list, form.isRenewal) : [];
  const chosenLabel = choices.find((choice) => choice.id === value)?.label;
  const [typed, setTyped] = useState<string | null>(null);
  // Until the user types, the input shows the answer's name (known once the list has loaded).
  const text = typed ?? chosenLabel ?? (load.status === 'ready' ? value : '');

  if (load.status === 'failed' || (load.status === 'ready' && load.list.version === null)) {
    // Without the list there is nothing to choose from: say why, keep the answer as it is.
    const message =
      load.status === 'failed'
        ? t('employer.pickers.migrationList.failed')
        : t('employer.pickers.migrationList.none', { date: formatDate(currentLang(), form.applicationDate) });
    return <TextField id={id} label={label} error={error ?? message} value={value} readOnly />;
  }

  const toOption = (choice: MigrationListChoice): ComboboxOption<MigrationListChoice> => ({
    key: choice.id,
    text: choice.label,
    detail: choice.lastListedIn
      ? t('employer.pickers.migrationList.earlier', { version: choice.lastListedIn })
      : undefined,
    value: choice,
  });

  return (
    <Combobox
      id={id}
      label={label}
      hint={t('employer.pickers.migrationList.hint', {
        date: formatDate(currentLang(), form.applicationDate),
      })}
      error={error}
      text={text}
      minChars={0}
      debounceMs={0}
      onTextChange={(next) => {
        setTyped(next);
        if (value) onChange(''); // editing the name undoes the choice until another is made
      }}
      search={(query) => filterChoices(choices, query).map(toOption)}
      onSelect={(option) => {
        setTyped(null);
        onChange(option.value.id);
      }}
      texts={comboboxTexts(t)}
    />
  );
}
