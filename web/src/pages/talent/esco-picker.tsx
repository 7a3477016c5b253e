import { useState } from 'react';
import { Combobox, type ComboboxOption } from '../../components/combobox.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { type OccupationMatch, searchOccupations } from '../employer/function-catalogues.ts';

/**
 * An ESCO occupation chosen by name (the occupation search the application form uses). Typed text
 * alone chooses nothing, so the hint says to pick from the suggestions.
 */
export function EscoPicker({
  id,
  label,
  error,
  onChoose,
}: {
  id: string;
  label: string;
  error: string | undefined;
  onChoose(match: OccupationMatch | null): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [text, setText] = useState('');
  const search = async (query: string): Promise<ComboboxOption<OccupationMatch>[]> =>
    (await searchOccupations(api, query)).map((match) => ({
      key: match.id,
      text: match.label,
      lang: match.labelLang === currentLang() ? undefined : match.labelLang,
      detail: t('employer.pickers.occupation.detail', { code: match.iscoCode }),
      value: match,
    }));
  return (
    <Combobox
      id={id}
      label={label}
      hint={t('talent.field.occupationHint')}
      error={error}
      text={text}
      onTextChange={(typed) => {
        setText(typed);
        onChoose(null);
      }}
      search={search}
      onSelect={(option) => {
        setText(option.text);
        onChoose(option.value);
      }}
      texts={{
        typeMore: t('employer.pickers.typeMore'),
        noResults: t('employer.pickers.noResults'),
        results: (count) => t('employer.pickers.results', { count }),
        failed: t('employer.pickers.failed'),
      }}
    >
      <p className="picker-source">{t('employer.pickers.occupation.source')}</p>
    </Combobox>
  );
}
