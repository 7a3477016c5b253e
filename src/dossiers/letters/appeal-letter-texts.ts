import type { Lang } from '../../i18n/languages.ts';

/**
 * The words proper to the letter on an appeal, in nl, fr and en; the rest (sender, salutation,
 * validity, closing, footer) is the decision letter's (letter-texts.ts). After a dismissed appeal
 * the administrative route is exhausted: what remains is an action for annulment before the
 * Council of State within 60 days (reference.md §5.3, RvS 22-9-2023).
 */
export interface AppealLetterTexts {
  readonly title: (dossierNumber: string) => string;
  readonly subject: (dossierNumber: string) => string;
  /** `revocation`: the appeal is against the withdrawal of a granted authorisation, not a refusal. */
  readonly lodged: (x: { lodgedOn: string; refusedOn: string; revocation?: boolean }) => string;
  readonly dismissed: (x: { decidedOn: string; revocation?: boolean }) => string;
  readonly allowed: (x: { decidedOn: string; revocation?: boolean }) => string;
  readonly grantedOnAppeal: string;
  readonly reviewAgain: (x: { dueDate: string | null }) => string;
  readonly motivationHeading: string;
  readonly furtherAppealHeading: string;
  readonly furtherAppeal: string;
  readonly signerRole: string;
}

const NL: AppealLetterTexts = {
  title: (dossier) => `Beslissing over het beroep in dossier ${dossier}`,
  subject: (dossier) => `Betreft: beslissing over uw beroep (dossier ${dossier})`,
  lodged: (x) =>
    `Op ${x.lodgedOn} hebt u beroep ingesteld tegen de beslissing van ${x.refusedOn} om ${x.revocation ? 'de toelating tot arbeid in te trekken' : 'uw aanvraag te weigeren'}.`,
  dismissed: (x) =>
    `Op ${x.decidedOn} werd beslist dat uw beroep ongegrond is. ${x.revocation ? 'De intrekking van de toelating' : 'De weigering van uw aanvraag'} blijft behouden.`,
  allowed: (x) =>
    `Op ${x.decidedOn} werd beslist dat uw beroep gegrond is. ${x.revocation ? 'De beslissing tot intrekking van de toelating' : 'De weigering van uw aanvraag'} wordt ingetrokken.`,
  grantedOnAppeal: 'Uw aanvraag wordt goedgekeurd.',
  reviewAgain: (x) =>
    x.dueDate
      ? `Uw aanvraag wordt opnieuw behandeld. U ontvangt een nieuwe beslissing, uiterlijk op ${x.dueDate}.`
      : 'Uw aanvraag wordt opnieuw behandeld. U ontvangt een nieuwe beslissing.',
  motivationHeading: 'Motivering',
  furtherAppealHeading: 'Verdere rechtsmiddelen',
  furtherAppeal:
    'Tegen deze beslissing kunt u binnen zestig dagen na de kennisgeving een beroep tot nietigverklaring instellen bij de Raad van State.',
  signerRole: 'Teamleider, Afdeling Economische Migratie, namens de Vlaamse minister bevoegd voor Werk',
};

const FR: AppealLetterTexts = {
  title: (dossier) => `Décision relative au recours dans le dossier ${dossier}`,
  subject: (dossier) => `Objet : décision relative à votre recours (dossier ${dossier})`,
  lodged: (x) =>
    `Le ${x.lodgedOn}, vous avez introduit un recours contre la décision du ${x.refusedOn} ${x.revocation ? "retirant l'autorisation de travail" : 'refusant votre demande'}.`,
  dismissed: (x) =>
    `Le ${x.decidedOn}, il a été décidé que votre recours n'est pas fondé. ${x.revocation ? "Le retrait de l'autorisation est maintenu" : 'Le refus de votre demande est maintenu'}.`,
  allowed: (x) =>
    `Le ${x.decidedOn}, il a été décidé que votre recours est fondé. ${x.revocation ? "La décision de retrait de l'autorisation est retirée" : 'Le refus de votre demande est retiré'}.`,
  grantedOnAppeal: 'Votre demande est acceptée.',
  reviewAgain: (x) =>
    x.dueDate
      ? `Votre demande est réexaminée. Vous recevrez une nouvelle décision au plus tard le ${x.dueDate}.`
      : 'Votre demande est réexaminée. Vous recevrez une nouvelle décision.',
  motivationHeading: 'Motivation',
  furtherAppealHeading: 'Autres voies de recours',
  furtherAppeal:
    "Vous pouvez introduire un recours en annulation contre la présente décision auprès du Conseil d'État dans un délai de soixante jours à compter de sa notification.",
  signerRole:
    "Chef d'équipe, Division Migration économique, au nom du ministre flamand qui a l'Emploi dans ses attributions",
};

const EN: AppealLetterTexts = {
  title: (dossier) => `Decision on the appeal in file ${dossier}`,
  subject: (dossier) => `Subject: decision on your appeal (file ${dossier})`,
  lodged: (x) =>
    `On ${x.lodgedOn} you appealed against the decision of ${x.refusedOn} to ${x.revocation ? 'withdraw the authorisation to work' : 'refuse your application'}.`,
  dismissed: (x) =>
    `On ${x.decidedOn} it was decided that your appeal is unfounded. ${x.revocation ? 'The withdrawal of the authorisation' : 'The refusal of your application'} stands.`,
  allowed: (x) =>
    `On ${x.decidedOn} it was decided that your appeal is well-founded. ${x.revocation ? 'The decision to withdraw the authorisation' : 'The refusal of your application'} is withdrawn.`,
  grantedOnAppeal: 'Your application is granted.',
  reviewAgain: (x) =>
    x.dueDate
      ? `Your application will be examined again. You will receive a new decision by ${x.dueDate} at the latest.`
      : 'Your application will be examined again. You will receive a new decision.',
  motivationHeading: 'Statement of reasons',
  furtherAppealHeading: 'Further remedies',
  furtherAppeal:
    'You may bring an action for annulment of this decision before the Council of State within sixty days of its notification.',
  signerRole:
    'Team leader, Economic Migration Division, on behalf of the Flemish minister responsible for Work',
};

export const APPEAL_LETTER_TEXTS: Readonly<Record<Lang, AppealLetterTexts>> = { nl: NL, fr: FR, en: EN };
