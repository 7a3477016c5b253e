import { DEFAULT_LANG, isLang, type Lang } from '../../i18n/languages.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { appealPeriodMonths } from '../lifecycle/legal-clock.ts';
import type { AppealLetterInput } from './appeal-letter.ts';
import { APPEAL_LETTER_TEXTS } from './appeal-letter-texts.ts';
import { type DecisionLetterInput, formatEnterprise, nameCountry } from './decision-letter.ts';
import { LETTER_TEXTS } from './letter-texts.ts';

/**
 * The decision letter as text, before it is signed: the same template and words the PDF prints
 * (letter-texts.ts, in the dossier's language), cut into parts. The legally required parts (who
 * decides what, each ground with its legal basis, the legal frame, the appeal route) are fixed;
 * the motivation (a refusal's statement of reasons, a grant's remark) is the case handler's free
 * text, which they may rewrite here in the letter's language. The PDF itself is still drawn by
 * decision-letter.ts from the decision and that motivation (its `note`), so preview and letter
 * cannot drift apart in anything but layout.
 */
export type LetterPart =
  | { key: string; editable: false; text: string; isHeading?: boolean }
  | { key: 'motivation'; editable: true; heading: string; text: string; isRequired: boolean };

export interface LetterDraft {
  lang: DecisionLetterInput['lang'];
  parts: LetterPart[];
}

const fixed = (key: string, text: string, isHeading = false): LetterPart =>
  isHeading ? { key, editable: false, text, isHeading } : { key, editable: false, text };

/** The addressee, subject, salutation and introduction: the same at the head of every letter. */
function openingParts(
  input: Pick<DecisionLetterInput, 'employer' | 'worker' | 'category'>,
  lang: Lang,
  subject: string,
): LetterPart[] {
  const texts = LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  const { worker } = input;
  return [
    fixed(
      'addressee',
      `${input.employer.name?.trim() || texts.enterpriseWithoutName}, ${texts.enterpriseNumberLabel} ${formatEnterprise(input.employer.enterpriseNumber)}`,
    ),
    fixed('subject', subject, true),
    fixed('salutation', texts.salutation),
    fixed(
      'introduction',
      texts.introduction({
        worker: `${worker.givenNames} ${worker.familyName}`.trim(),
        nationality: nameCountry(worker.nationality, lang),
        birthDate: worker.birthDate ? date(worker.birthDate) : '',
        category: texts.categories[input.category],
      }),
    ),
  ];
}

export function draftDecisionLetter(
  input: Omit<DecisionLetterInput, 'generatedAt' | 'compress'>,
): LetterDraft {
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  const { decision } = input;
  const parts = openingParts(input, lang, texts.subject(input.dossierNumber));
  if (decision.outcome === 'GRANTED') {
    parts.push(
      fixed('decision', texts.granted({ decidedOn: date(decision.decidedOn) })),
      fixed(
        'validity',
        texts.validity({ validFrom: date(decision.validFrom), validUntil: date(decision.validUntil) }),
      ),
    );
  } else {
    parts.push(
      fixed(
        'decision',
        texts.refused({ decidedOn: date(decision.decidedOn), reasonCount: decision.reasons.length }),
      ),
      ...decision.reasons.map((reason, index) =>
        fixed(
          `reason.${reason.code}`,
          `${index + 1}. ${reason.message} ${texts.legalBasisLabel}: ${renderLegalBasis(reason.legalBasis, lang)}`,
        ),
      ),
    );
  }
  const isRefusal = decision.outcome === 'REFUSED';
  parts.push({
    key: 'motivation',
    editable: true,
    heading: isRefusal ? texts.motivationHeading : texts.noteHeading,
    text: decision.note?.trim() ?? '',
    // A refusal without a written motivation is not motivated in law; a grant's remark is optional.
    isRequired: isRefusal,
  });
  parts.push(fixed('legalFrame', texts.legalFrame(input.legalFrame.trim())));
  if (isRefusal) {
    parts.push(
      fixed('appealHeading', texts.appealHeading, true),
      ...texts
        .appeal(appealPeriodMonths(decision.decidedOn))
        .map((paragraph, index) => fixed(`appeal.${index}`, paragraph)),
    );
  }
  parts.push(
    fixed('closing', texts.closing),
    fixed('signature', `${input.decidedBy.trim()}, ${texts.caseHandlerRole}`),
  );
  return { lang, parts };
}

/**
 * The letter on an appeal before it is signed (appeal-letter.ts prints it): the outcome and what
 * follows are fixed; the motivation, required for every outcome, is the supervisor's to rewrite.
 */
export function draftAppealLetter(input: Omit<AppealLetterInput, 'generatedAt' | 'compress'>): LetterDraft {
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = LETTER_TEXTS[lang];
  const own = APPEAL_LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  const { appeal } = input;
  const parts = openingParts(input, lang, own.subject(input.dossierNumber));
  parts.push(
    fixed('lodged', own.lodged({ lodgedOn: date(appeal.lodgedOn), refusedOn: date(appeal.refusedOn) })),
  );
  if (appeal.outcome === 'DISMISSED') {
    parts.push(fixed('decision', own.dismissed({ decidedOn: date(appeal.decidedOn) })));
  } else {
    parts.push(fixed('decision', own.allowed({ decidedOn: date(appeal.decidedOn) })));
    if (appeal.outcome === 'GRANTED') {
      parts.push(
        fixed('grant', own.grantedOnAppeal),
        fixed(
          'validity',
          texts.validity({ validFrom: date(appeal.validFrom), validUntil: date(appeal.validUntil) }),
        ),
      );
    } else {
      parts.push(fixed('review', own.reviewAgain({ dueDate: appeal.dueDate ? date(appeal.dueDate) : null })));
    }
  }
  parts.push(
    {
      key: 'motivation',
      editable: true,
      heading: own.motivationHeading,
      text: appeal.motivation.trim(),
      isRequired: true,
    },
    fixed('legalFrame', texts.legalFrame(input.legalFrame.trim())),
  );
  if (appeal.outcome === 'DISMISSED') {
    parts.push(
      fixed('furtherAppealHeading', own.furtherAppealHeading, true),
      fixed('furtherAppeal', own.furtherAppeal),
    );
  }
  parts.push(
    fixed('closing', texts.closing),
    fixed('signature', `${input.decidedBy.trim()}, ${own.signerRole}`),
  );
  return { lang, parts };
}
