import { DEFAULT_LANG, isLang } from '../../i18n/languages.ts';
import { isIsoDate } from '../../rules/dates/iso-date.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import {
  type DecisionLetterInput,
  LetterInputError,
  writeAppeal,
  writeHeader,
  writeOpening,
} from './decision-letter.ts';
import { LETTER_TEXTS } from './letter-texts.ts';
import {
  keepTogether,
  renderPdf,
  withStructure,
  writeFooters,
  writeListItem,
  writeParagraph,
} from './pdf-document.ts';
import { REVOCATION_LETTER_TEXTS } from './revocation-letter-texts.ts';

/**
 * The letter withdrawing a granted authorisation to work (policy note 002 §2.1; decision 012). Like
 * a refusal it states its reasons in fact and law (formal motivation, law of 29 July 1991, art. 2–3):
 * every ground with its legal basis, the facts the proposal established, that the employer was heard
 * and what it answered, the supervisor's motivation, and the appeal route to the minister.
 */
export interface RevocationLetterInput
  extends Pick<
    DecisionLetterInput,
    'lang' | 'generatedAt' | 'dossierNumber' | 'employer' | 'worker' | 'category' | 'legalFrame' | 'compress'
  > {
  revocation: {
    grantedOn: string;
    validFrom: string;
    validUntil: string;
    proposedOn: string;
    hearingDueOn: string;
    answeredOn: string | null;
    decidedOn: string;
    grounds: { statement: string; legalBasis: string }[];
    facts: string;
    motivation: string;
  };
  decidedBy: string;
}

function checkInput(input: RevocationLetterInput): void {
  const { revocation } = input;
  const dates: [string, string | null][] = [
    ['revocation.grantedOn', revocation.grantedOn],
    ['revocation.validFrom', revocation.validFrom],
    ['revocation.validUntil', revocation.validUntil],
    ['revocation.proposedOn', revocation.proposedOn],
    ['revocation.hearingDueOn', revocation.hearingDueOn],
    ['revocation.decidedOn', revocation.decidedOn],
  ];
  if (revocation.answeredOn !== null) dates.push(['revocation.answeredOn', revocation.answeredOn]);
  for (const [field, value] of dates) {
    if (!value || !isIsoDate(value)) throw new LetterInputError(field, 'must be a date written YYYY-MM-DD');
  }
  if (revocation.grounds.length === 0)
    throw new LetterInputError('revocation.grounds', 'a withdrawal needs a ground');
  revocation.grounds.forEach((ground, index) => {
    if (!ground.legalBasis.trim())
      throw new LetterInputError(
        `revocation.grounds.${index}.legalBasis`,
        'every ground needs its legal basis',
      );
  });
  if (!revocation.motivation.trim())
    throw new LetterInputError('revocation.motivation', 'a withdrawal states its reasons');
  if (!input.decidedBy.trim()) throw new LetterInputError('decidedBy', 'must not be empty');
}

export async function renderRevocationLetter(input: RevocationLetterInput): Promise<Buffer> {
  checkInput(input);
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = LETTER_TEXTS[lang];
  const own = REVOCATION_LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  const { revocation } = input;
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
        own.grantedEarlier({
          grantedOn: date(revocation.grantedOn),
          validFrom: date(revocation.validFrom),
          validUntil: date(revocation.validUntil),
        }),
      );
      writeParagraph(
        doc,
        `${own.heard({ proposedOn: date(revocation.proposedOn), dueOn: date(revocation.hearingDueOn) })} ${
          revocation.answeredOn ? own.answered({ answeredOn: date(revocation.answeredOn) }) : own.notAnswered
        }`,
      );
      writeParagraph(
        doc,
        own.revoked({ decidedOn: date(revocation.decidedOn), reasonCount: revocation.grounds.length }),
        { bold: true },
      );
      withStructure(doc, 'L', () => {
        revocation.grounds.forEach((ground, index) => {
          keepTogether(doc, 40);
          writeListItem(doc, `${index + 1}.`, 12, () => {
            writeParagraph(doc, ground.statement, { indent: 28, gapAfter: 0.15 });
            writeParagraph(doc, `${texts.legalBasisLabel}: ${renderLegalBasis(ground.legalBasis, lang)}`, {
              indent: 28,
              size: 9.5,
            });
          });
        });
      });
      keepTogether(doc, 40);
      writeParagraph(doc, own.factsHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
      writeParagraph(doc, revocation.facts.trim());
      keepTogether(doc, 40);
      writeParagraph(doc, own.motivationHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
      writeParagraph(doc, revocation.motivation.trim());
      writeParagraph(doc, own.consequence);
      writeParagraph(doc, texts.legalFrame(input.legalFrame.trim()));
      writeAppeal(doc, texts, revocation.decidedOn);
      keepTogether(doc, 80);
      writeParagraph(doc, texts.closing, { gapAfter: 2 });
      writeParagraph(doc, input.decidedBy.trim(), { bold: true, gapAfter: 0 });
      writeParagraph(doc, own.signerRole);
      writeFooters(doc, (page, pages) => texts.footer({ dossierNumber: input.dossierNumber, page, pages }));
    },
  );
}
