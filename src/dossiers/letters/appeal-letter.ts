import { DEFAULT_LANG, isLang } from '../../i18n/languages.ts';
import { isIsoDate } from '../../rules/dates/iso-date.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import { APPEAL_LETTER_TEXTS } from './appeal-letter-texts.ts';
import { type DecisionLetterInput, LetterInputError, writeHeader, writeOpening } from './decision-letter.ts';
import { LETTER_TEXTS } from './letter-texts.ts';
import { keepTogether, renderPdf, writeFooters, writeParagraph } from './pdf-document.ts';

/**
 * The letter on an employer's appeal against a refusal (reference.md §5.3): dismissed (the refusal
 * stands, the Council of State remains), or allowed, in which case the refusal is withdrawn and
 * either the application is granted at once, with its validity, or examined again by a case
 * handler. Every outcome states its motivation: the decision on an appeal is an administrative
 * act like any other (formal motivation, law of 29 July 1991, art. 2–3).
 */
export type AppealDecision =
  | { outcome: 'DISMISSED' }
  | { outcome: 'GRANTED'; validFrom: string; validUntil: string }
  | { outcome: 'REVIEW'; dueDate: string | null };

export interface AppealLetterInput
  extends Pick<
    DecisionLetterInput,
    'lang' | 'generatedAt' | 'dossierNumber' | 'employer' | 'worker' | 'category' | 'legalFrame' | 'compress'
  > {
  appeal: {
    lodgedOn: string;
    refusedOn: string;
    decidedOn: string;
    motivation: string;
    /** The appealed decision withdrew a granted authorisation (decision 012). */
    isRevocation?: boolean;
  } & AppealDecision;
  decidedBy: string;
}

function checkInput(input: AppealLetterInput): void {
  const { appeal } = input;
  const dates: [string, string][] = [
    ['appeal.lodgedOn', appeal.lodgedOn],
    ['appeal.refusedOn', appeal.refusedOn],
    ['appeal.decidedOn', appeal.decidedOn],
  ];
  if (appeal.outcome === 'GRANTED') {
    dates.push(['appeal.validFrom', appeal.validFrom], ['appeal.validUntil', appeal.validUntil]);
  }
  for (const [field, value] of dates) {
    if (!isIsoDate(value)) throw new LetterInputError(field, 'must be a date written YYYY-MM-DD');
  }
  if (appeal.motivation.trim() === '')
    throw new LetterInputError('appeal.motivation', 'an appeal decision states its reasons');
  if (input.decidedBy.trim() === '') throw new LetterInputError('decidedBy', 'must not be empty');
}

export async function renderAppealLetter(input: AppealLetterInput): Promise<Buffer> {
  checkInput(input);
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = LETTER_TEXTS[lang];
  const own = APPEAL_LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  const { appeal } = input;
  const revocation = appeal.isRevocation === true;
  return renderPdf(
    {
      lang,
      title: own.title(input.dossierNumber),
      author: texts.sender.join(' - '),
      subject: own.subject(input.dossierNumber),
      generatedAt: input.generatedAt,
      compress: input.compress,
    },
    (doc) => {
      writeHeader(doc, input, texts, date, own.subject(input.dossierNumber));
      writeOpening(doc, input, texts, date);
      writeParagraph(
        doc,
        own.lodged({ lodgedOn: date(appeal.lodgedOn), refusedOn: date(appeal.refusedOn), revocation }),
      );
      if (appeal.outcome === 'DISMISSED') {
        writeParagraph(doc, own.dismissed({ decidedOn: date(appeal.decidedOn), revocation }), { bold: true });
      } else {
        writeParagraph(doc, own.allowed({ decidedOn: date(appeal.decidedOn), revocation }), {
          bold: true,
          gapAfter: 0.3,
        });
        if (appeal.outcome === 'GRANTED') {
          writeParagraph(doc, own.grantedOnAppeal, { gapAfter: 0.3 });
          writeParagraph(
            doc,
            texts.validity({ validFrom: date(appeal.validFrom), validUntil: date(appeal.validUntil) }),
            { bold: true },
          );
        } else {
          writeParagraph(doc, own.reviewAgain({ dueDate: appeal.dueDate ? date(appeal.dueDate) : null }));
        }
      }
      keepTogether(doc, 40);
      writeParagraph(doc, own.motivationHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
      writeParagraph(doc, appeal.motivation.trim());
      writeParagraph(doc, texts.legalFrame(input.legalFrame.trim()));
      if (appeal.outcome === 'DISMISSED') {
        keepTogether(doc, 60);
        writeParagraph(doc, own.furtherAppealHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
        writeParagraph(doc, own.furtherAppeal);
      }
      keepTogether(doc, 80);
      writeParagraph(doc, texts.closing, { gapAfter: 2 });
      writeParagraph(doc, input.decidedBy.trim(), { bold: true, gapAfter: 0 });
      writeParagraph(doc, own.signerRole);
      writeFooters(doc, (page, pages) => texts.footer({ dossierNumber: input.dossierNumber, page, pages }));
    },
  );
}
