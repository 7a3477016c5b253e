import type { Lang } from '../../i18n/languages.ts';

/**
 * The words of the invitation to pay the fee (retributie), Dutch first. Typed per language like
 * the decision letter's catalogue, so a missing key does not compile. The sender block is the
 * decision letter's. Values passed in are already formatted.
 */
export interface FeeInvitationTexts {
  readonly title: (dossierNumber: string) => string;
  readonly subject: (dossierNumber: string) => string;
  readonly dateLabel: string;
  readonly salutation: string;
  readonly introduction: (x: { dossierNumber: string; amount: string }) => string;
  readonly amountLabel: string;
  readonly beneficiaryLabel: string;
  readonly ibanLabel: string;
  readonly bicLabel: string;
  readonly referenceLabel: string;
  readonly dossierLabel: string;
  /** Why the payment comes first: the application waits for it. */
  readonly dueNote: string;
  readonly referenceNote: string;
  readonly qrCaption: string;
  readonly qrAlternative: string;
  readonly closing: string;
  readonly footer: (x: { dossierNumber: string; page: number; pages: number }) => string;
}

const NL: FeeInvitationTexts = {
  title: (dossier) => `Uitnodiging tot betaling van de retributie ${dossier}`,
  subject: (dossier) => `Betreft: betaling van de retributie voor uw aanvraag (dossier ${dossier})`,
  dateLabel: 'Datum',
  salutation: 'Geachte mevrouw, geachte heer,',
  introduction: (x) =>
    `Voor de behandeling van uw aanvraag tot toelating tot arbeid (dossier ${x.dossierNumber}) is een retributie van ${x.amount} verschuldigd. U kunt ze betalen met deze gegevens:`,
  amountLabel: 'Bedrag',
  beneficiaryLabel: 'Begunstigde',
  ibanLabel: 'IBAN',
  bicLabel: 'BIC',
  referenceLabel: 'Gestructureerde mededeling',
  dossierLabel: 'Dossier',
  dueNote: 'Uw aanvraag wordt pas behandeld nadat de retributie betaald is.',
  referenceNote:
    'Vermeld de gestructureerde mededeling precies zoals hierboven: zo koppelen wij uw betaling automatisch aan uw dossier.',
  qrCaption:
    'Scan deze code met uw bank-app: de overschrijving wordt dan ingevuld met het bedrag en de mededeling.',
  qrAlternative: 'QR-code om de retributie te betalen met uw bank-app',
  closing: 'Met vriendelijke groeten,',
  footer: (x) => `Dossier ${x.dossierNumber} - pagina ${x.page} van ${x.pages}`,
};

const FR: FeeInvitationTexts = {
  title: (dossier) => `Invitation à payer la redevance ${dossier}`,
  subject: (dossier) => `Objet : paiement de la redevance pour votre demande (dossier ${dossier})`,
  dateLabel: 'Date',
  salutation: 'Madame, Monsieur,',
  introduction: (x) =>
    `Le traitement de votre demande d'autorisation de travail (dossier ${x.dossierNumber}) est soumis au paiement d'une redevance de ${x.amount}. Vous pouvez la payer au moyen des données suivantes :`,
  amountLabel: 'Montant',
  beneficiaryLabel: 'Bénéficiaire',
  ibanLabel: 'IBAN',
  bicLabel: 'BIC',
  referenceLabel: 'Communication structurée',
  dossierLabel: 'Dossier',
  dueNote: "Votre demande ne sera traitée qu'après le paiement de la redevance.",
  referenceNote:
    'Indiquez la communication structurée exactement comme ci-dessus : nous pourrons ainsi lier automatiquement votre paiement à votre dossier.',
  qrCaption:
    'Scannez ce code avec votre application bancaire : le virement sera complété avec le montant et la communication.',
  qrAlternative: 'Code QR pour payer la redevance avec votre application bancaire',
  closing: "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
  footer: (x) => `Dossier ${x.dossierNumber} - page ${x.page} sur ${x.pages}`,
};

const EN: FeeInvitationTexts = {
  title: (dossier) => `Invitation to pay the fee ${dossier}`,
  subject: (dossier) => `Subject: payment of the fee for your application (file ${dossier})`,
  dateLabel: 'Date',
  salutation: 'Dear Sir or Madam,',
  introduction: (x) =>
    `A fee of ${x.amount} is due for the handling of your application for work authorisation (file ${x.dossierNumber}). You can pay it with these details:`,
  amountLabel: 'Amount',
  beneficiaryLabel: 'Beneficiary',
  ibanLabel: 'IBAN',
  bicLabel: 'BIC',
  referenceLabel: 'Structured reference',
  dossierLabel: 'File',
  dueNote: 'Your application is handled only after the fee has been paid.',
  referenceNote:
    'Quote the structured reference exactly as above: this is how we link your payment to your file automatically.',
  qrCaption:
    'Scan this code with your banking app: the transfer is filled in with the amount and the reference.',
  qrAlternative: 'QR code to pay the fee with your banking app',
  closing: 'Yours faithfully,',
  footer: (x) => `File ${x.dossierNumber} - page ${x.page} of ${x.pages}`,
};

export const FEE_INVITATION_TEXTS: Readonly<Record<Lang, FeeInvitationTexts>> = { nl: NL, fr: FR, en: EN };
