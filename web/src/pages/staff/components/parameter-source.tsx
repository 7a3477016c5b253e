import { renderParameterSource } from '../../../../../src/rules/messages/parameter-source.ts';
import { currentLang, type MessageKey, type Translate } from '../../../i18n.ts';
import type { Assessment } from '../staff-types.ts';

/** The staff note of a parameter without an official figure (staff catalogue), or ''. */
export function parameterNote(t: Translate, parameter: string): string {
  return t(`staff.overview.assessment.parameterNote.${parameter.replaceAll('.', '_')}` as MessageKey, {
    defaultValue: '',
  });
}

/**
 * For staff only: how sure an unverified value is and the official source it rests on (the legal
 * text in the reader's language, or that no official source confirms it). The employer and the public read the warning's message alone.
 */
export function ParameterSource({ t, warning }: { t: Translate; warning: Assessment['warnings'][number] }) {
  if (warning.code !== 'PARAMETER_UNVERIFIED') return null;
  const { status, source, parameter } = warning.facts as {
    status?: string;
    source?: string;
    parameter?: string;
  };
  if (!status || !source) return null;
  // Where no official figure is in the service's sources, what that means for the case handler.
  const note = parameter ? parameterNote(t, parameter) : '';
  return (
    <>
      {' '}
      <span className="staff-hint">
        {t('staff.overview.assessment.parameterSource', {
          status: t(`staff.overview.assessment.parameterStatus.${status}` as MessageKey, {
            defaultValue: status,
          }),
          source: renderParameterSource(source, currentLang()),
        })}
      </span>
      {note ? (
        <>
          {' '}
          <span className="staff-hint" data-testid="parameter-note">
            {note}
          </span>
        </>
      ) : null}
    </>
  );
}
