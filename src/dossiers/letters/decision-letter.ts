import { DEFAULT_LANG, isLang, type Lang } from '../../i18n/languages.ts';
import type { Category } from '../../rules/contract.ts';
import { isIsoDate } from '../../rules/dates/iso-date.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import type { Reason } from '../../rules/schema/assessment-schema.ts';
import { appealPeriodMonths } from '../lifecycle/legal-clock.ts';
import { type LetterEmployer, letterAddressee } from './letter-addressee.ts';
import { LETTER_TEXTS, type LetterTexts } from './letter-texts.ts';
import {
  keepTogether,
  type Pdf,
  renderPdf,
  toBrusselsIsoDate,
  withStructure,
  writeAddressBlock,
  writeFooters,
  writeListItem,
  writeParagraph,
} from './pdf-document.ts';

export { formatEnterprise } from './letter-addressee.ts';

/**
 * The decision letter on the work part of an application (grant or refusal), as a PDF for the
 * employer. A refusal must state its reasons in fact and law (formal motivation, law of 29 July
 * 1991, art. 2–3): every reason the case handler kept is printed with its message and its legal
 * basis, cited literally as the rules engine gave it, followed by the appeal route (reference.md §5.3).
 */
export interface DecisionLetterInput {
  lang: Lang;
  /** The moment the letter is produced: its date and the PDF's creation date. */
  generatedAt: Date;
  dossierNumber: string;
  employer: LetterEmployer;
  worker: { givenNames: string; familyName: string; nationality: string; birthDate: string };
  category: Category;
  decision:
    | { outcome: 'GRANTED'; decidedOn: string; validFrom: string; validUntil: string; note?: string | null }
    | { outcome: 'REFUSED'; decidedOn: string; reasons: Reason[]; note?: string | null };
  decidedBy: string;
  /** The supervisor who co-signed a refusal. */
  coSignedBy?: string | null;
  /** The regulation the decision applies, e.g. "Besluit van de Vlaamse Regering van 7 december 2018". */
  legalFrame: string;
  /** Deflate the PDF's streams (default true); off in tests to read the text. */
  compress?: boolean;
}

/** Input a letter cannot be written from; `field` names the offending input. */
export class LetterInputError extends Error {
  readonly code = 'LOKET_LETTER_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'LetterInputError';
  }
}

function checkInput(input: DecisionLetterInput): void {
  const { decision } = input;
  const dates: [string, string][] = [
    ['worker.birthDate', input.worker.birthDate],
    ['decision.decidedOn', decision.decidedOn],
  ];
  if (decision.outcome === 'GRANTED') {
    dates.push(['decision.validFrom', decision.validFrom], ['decision.validUntil', decision.validUntil]);
  }
  for (const [field, value] of dates) {
    if (!isIsoDate(value)) throw new LetterInputError(field, 'must be a date written YYYY-MM-DD');
  }
  if (decision.outcome === 'GRANTED' && decision.validUntil < decision.validFrom) {
    throw new LetterInputError('decision.validUntil', 'must not be before validFrom');
  }
  if (decision.outcome === 'REFUSED') {
    // A refusal without a stated ground in law is void under the formal-motivation law: refuse to print it.
    if (decision.reasons.length === 0)
      throw new LetterInputError('decision.reasons', 'a refusal needs a reason');
    decision.reasons.forEach((reason, index) => {
      if (reason.legalBasis.trim() === '') {
        throw new LetterInputError(
          `decision.reasons.${index}.legalBasis`,
          'every reason needs its legal basis',
        );
      }
    });
  }
  if (input.dossierNumber.trim() === '') throw new LetterInputError('dossierNumber', 'must not be empty');
  if (input.decidedBy.trim() === '') throw new LetterInputError('decidedBy', 'must not be empty');
}

/** The country's name in the letter's language ("IN" → "India"), or the code when Intl does not know it. */
export function nameCountry(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Sender, addressee, date, reference and subject: the same on every decision Loket sends. */
export function writeHeader(
  doc: Pdf,
  input: Pick<DecisionLetterInput, 'employer' | 'generatedAt' | 'dossierNumber'>,
  texts: LetterTexts,
  date: (iso: string) => string,
  subject: string = texts.subject(input.dossierNumber),
) {
  const [government, department, division] = texts.sender;
  writeParagraph(doc, government, { bold: true, size: 11, gapAfter: 0 });
  writeParagraph(doc, department, { size: 10, gapAfter: 0 });
  writeParagraph(doc, division, { size: 10, gapAfter: 2 });

  writeAddressBlock(doc, letterAddressee(input.employer, texts));

  writeParagraph(doc, `${texts.dateLabel}: ${date(toBrusselsIsoDate(input.generatedAt))}`, { gapAfter: 0 });
  writeParagraph(doc, `${texts.referenceLabel}: ${input.dossierNumber}`, { gapAfter: 1.5 });
  writeParagraph(doc, subject, { bold: true, gapAfter: 1.2, role: 'H1' });
}

/** Salutation and the sentence naming the worker and the category: the same on every letter. */
export function writeOpening(
  doc: Pdf,
  input: Pick<DecisionLetterInput, 'worker' | 'category' | 'lang'>,
  texts: LetterTexts,
  date: (iso: string) => string,
) {
  const { worker } = input;
  writeParagraph(doc, texts.salutation);
  writeParagraph(
    doc,
    texts.introduction({
      worker: `${worker.givenNames} ${worker.familyName}`.trim(),
      nationality: nameCountry(worker.nationality, input.lang),
      birthDate: date(worker.birthDate),
      category: texts.categories[input.category],
    }),
  );
}

function writeDecision(
  doc: Pdf,
  input: DecisionLetterInput,
  texts: LetterTexts,
  date: (iso: string) => string,
) {
  const { decision } = input;
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  writeOpening(doc, input, texts, date);
  if (decision.outcome === 'GRANTED') {
    writeParagraph(doc, texts.granted({ decidedOn: date(decision.decidedOn) }), { gapAfter: 0.3 });
    writeParagraph(
      doc,
      texts.validity({ validFrom: date(decision.validFrom), validUntil: date(decision.validUntil) }),
      {
        bold: true,
      },
    );
  } else {
    writeParagraph(
      doc,
      texts.refused({ decidedOn: date(decision.decidedOn), reasonCount: decision.reasons.length }),
    );
    withStructure(doc, 'L', () => {
      decision.reasons.forEach((reason, index) => {
        keepTogether(doc, 40);
        writeListItem(doc, `${index + 1}.`, 12, () => {
          writeParagraph(doc, reason.message, { indent: 28, gapAfter: 0.15 });
          writeParagraph(doc, `${texts.legalBasisLabel}: ${renderLegalBasis(reason.legalBasis, lang)}`, {
            indent: 28,
            size: 9.5,
          });
        });
      });
    });
  }
  const note = decision.note?.trim();
  if (note) {
    keepTogether(doc, 40);
    // A refusal's written motivation is part of its formal motivation; a grant's note is a remark.
    const heading = decision.outcome === 'REFUSED' ? texts.motivationHeading : texts.noteHeading;
    writeParagraph(doc, heading, { bold: true, gapAfter: 0.2, role: 'H2' });
    writeParagraph(doc, note);
  }
  writeParagraph(doc, texts.legalFrame(input.legalFrame.trim()));
}

/** The appeal route, with the appeal period in force on `decidedOn` (rules/parameters). */
export function writeAppeal(doc: Pdf, texts: LetterTexts, decidedOn: string): void {
  keepTogether(doc, 90);
  writeParagraph(doc, texts.appealHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
  for (const paragraph of texts.appeal(appealPeriodMonths(decidedOn))) writeParagraph(doc, paragraph);
}

function writeRights(doc: Pdf, texts: LetterTexts): void {
  keepTogether(doc, 80);
  writeParagraph(doc, texts.rightsHeading, { bold: true, gapAfter: 0.2, role: 'H2' });
  writeParagraph(doc, texts.rights);
}

function writeSignatures(doc: Pdf, input: DecisionLetterInput, texts: LetterTexts): void {
  const coSigner = input.coSignedBy?.trim();
  keepTogether(doc, coSigner ? 120 : 80);
  writeParagraph(doc, texts.closing, { gapAfter: 2 });
  writeParagraph(doc, input.decidedBy.trim(), { bold: true, gapAfter: 0 });
  writeParagraph(doc, texts.caseHandlerRole, { gapAfter: 1.5 });
  if (coSigner) {
    writeParagraph(doc, coSigner, { bold: true, gapAfter: 0 });
    writeParagraph(doc, texts.coSignerRole);
  }
}

/** Renders the decision letter; rejects with `LetterInputError` for input no valid letter can come from. */
export async function renderDecisionLetter(input: DecisionLetterInput): Promise<Buffer> {
  checkInput(input);
  // The language usually comes from a request: anything Loket does not speak falls back to Dutch.
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = LETTER_TEXTS[lang];
  const { date } = FORMATTERS[lang];
  return renderPdf(
    {
      lang,
      title: texts.title(input.dossierNumber),
      author: texts.sender.join(' - '),
      subject: texts.subject(input.dossierNumber),
      generatedAt: input.generatedAt,
      compress: input.compress,
    },
    (doc) => {
      writeHeader(doc, input, texts, date);
      writeDecision(doc, { ...input, lang }, texts, date);
      if (input.decision.outcome === 'REFUSED') writeAppeal(doc, texts, input.decision.decidedOn);
      else writeRights(doc, texts);
      writeSignatures(doc, input, texts);
      writeFooters(doc, (page, pages) => texts.footer({ dossierNumber: input.dossierNumber, page, pages }));
    },
  );
}
