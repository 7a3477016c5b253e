import type { Lang } from '../../i18n/languages.ts';
import type { Category } from '../../rules/contract.ts';

/**
 * The words of the decision letter in Dutch (the default), French and English. Every language is a
 * `LetterTexts`, so a missing key or category does not compile. Values passed in are already
 * formatted (dates as dd/mm/yyyy through the rules' formatters).
 *
 * The appeal route follows reference.md §5.3 (vlaanderen.be "beroep tegen weigering of
 * intrekking"): a motivated appeal, by registered letter to the Flemish minister of Work, within one
 * month of notification, in one of the national languages; the appeal does not suspend the decision.
 */
export interface LetterTexts {
  /** Sender block, one line each: government, department, division. */
  readonly sender: readonly [string, string, string];
  readonly dateLabel: string;
  readonly referenceLabel: string;
  readonly enterpriseNumberLabel: string;
  /** Addressee when the enterprise's name is unknown. */
  readonly enterpriseWithoutName: string;
  readonly title: (dossierNumber: string) => string;
  readonly subject: (dossierNumber: string) => string;
  readonly salutation: string;
  readonly introduction: (x: {
    worker: string;
    nationality: string;
    birthDate: string;
    category: string;
  }) => string;
  readonly granted: (x: { decidedOn: string }) => string;
  readonly validity: (x: { validFrom: string; validUntil: string }) => string;
  readonly refused: (x: { decidedOn: string; reasonCount: number }) => string;
  readonly legalBasisLabel: string;
  readonly noteHeading: string;
  /** Heading of a refusal's written motivation. */
  readonly motivationHeading: string;
  readonly legalFrame: (frame: string) => string;
  readonly appealHeading: string;
  /** The appeal route; `months`: the appeal period in force on the decision's day (rules/parameters). */
  readonly appeal: (months: number) => readonly string[];
  /** A grant: where employer and worker read their rights and obligations (the desk, issue 14). */
  readonly rightsHeading: string;
  readonly rights: string;
  readonly closing: string;
  readonly caseHandlerRole: string;
  readonly coSignerRole: string;
  readonly footer: (x: { dossierNumber: string; page: number; pages: number }) => string;
  readonly categories: { readonly [C in Category]: string };
}

const NL: LetterTexts = {
  sender: ['Vlaamse overheid', 'Departement Werk en Sociale Economie', 'Afdeling Economische Migratie'],
  dateLabel: 'Datum',
  referenceLabel: 'Ons kenmerk',
  enterpriseNumberLabel: 'Ondernemingsnummer',
  enterpriseWithoutName: 'De werkgever',
  title: (dossier) => `Beslissing over de aanvraag tot toelating tot arbeid ${dossier}`,
  subject: (dossier) => `Betreft: beslissing over uw aanvraag tot toelating tot arbeid (dossier ${dossier})`,
  salutation: 'Geachte mevrouw, geachte heer,',
  introduction: (x) =>
    `U hebt een toelating tot arbeid aangevraagd voor ${x.worker} (nationaliteit: ${x.nationality}, geboren op ${x.birthDate}) in de categorie ${x.category}.`,
  granted: (x) => `Op ${x.decidedOn} hebben wij beslist uw aanvraag goed te keuren.`,
  validity: (x) => `De toelating tot arbeid is geldig van ${x.validFrom} tot en met ${x.validUntil}.`,
  refused: (x) =>
    `Op ${x.decidedOn} hebben wij beslist uw aanvraag te weigeren, ${x.reasonCount === 1 ? 'om de volgende reden' : 'om de volgende redenen'}:`,
  legalBasisLabel: 'Rechtsgrond',
  noteHeading: 'Toelichting van de dossierbehandelaar',
  motivationHeading: 'Motivering',
  legalFrame: (frame) => `Deze beslissing is genomen op grond van: ${frame}.`,
  appealHeading: 'Beroep',
  appeal: (months) => [
    `U kunt tegen deze beslissing beroep instellen bij de Vlaamse minister bevoegd voor Werk. Het beroep moet gemotiveerd zijn en met een aangetekende brief worden ingediend binnen ${months === 1 ? 'een maand' : `${months} maanden`} na de kennisgeving van deze beslissing.`,
    'U kunt het beroep ook online indienen in Loket, bij dit dossier.',
    'Het beroep moet zijn opgesteld in een van de landstalen (Nederlands, Frans of Duits). Vermeld het kenmerk van dit dossier. Het beroep schorst deze beslissing niet.',
  ],
  rightsHeading: 'Rechten en plichten',
  rights:
    'De werknemer heeft dezelfde rechten als elke werknemer in België. Over loon, arbeidstijd, huisvesting die van het loon wordt afgehouden, van werkgever veranderen en wat deze toelating toelaat, lezen u en de werknemer meer op het infopunt van Loket (de pagina /desk van deze dienst), ook in het Frans, Engels en Turks. Daar kan ook misbruik gemeld worden, zonder naam.',
  closing: 'Met vriendelijke groeten,',
  caseHandlerRole: 'Dossierbehandelaar, Afdeling Economische Migratie',
  coSignerRole: 'Medeondertekend door de leidinggevende',
  footer: (x) => `Dossier ${x.dossierNumber} - pagina ${x.page} van ${x.pages}`,
  categories: {
    HIGHLY_SKILLED: 'hooggeschoolde werknemer',
    EXECUTIVE: 'leidinggevend personeel',
    EU_BLUE_CARD: 'Europese blauwe kaart',
    MEDIUM_SKILLED_SHORTAGE: 'middengeschoolde functie op de migratielijst (knelpuntberoep)',
    OTHER_LABOUR_MARKET_TEST: 'overige werknemers (met arbeidsmarktonderzoek)',
    SEASONAL_WORKER: 'seizoenarbeider',
    INTRA_CORPORATE_TRANSFEREE: 'binnen een onderneming overgeplaatste werknemer (ICT)',
    TRAINEE: 'stagiair',
    AU_PAIR: 'au pair',
    PROFESSIONAL_ATHLETE: 'betaalde sportbeoefenaar',
    PERFORMING_ARTIST: 'schouwspelartiest',
    MINISTER_OF_RELIGION: 'bedienaar van een erkende eredienst',
    RESEARCHER: 'onderzoeker',
  },
};

const FR: LetterTexts = {
  sender: ['Autorités flamandes', 'Département Emploi et Économie sociale', 'Division Migration économique'],
  dateLabel: 'Date',
  referenceLabel: 'Notre référence',
  enterpriseNumberLabel: "Numéro d'entreprise",
  enterpriseWithoutName: "L'employeur",
  title: (dossier) => `Décision relative à la demande d'autorisation de travail ${dossier}`,
  subject: (dossier) =>
    `Objet : décision relative à votre demande d'autorisation de travail (dossier ${dossier})`,
  salutation: 'Madame, Monsieur,',
  introduction: (x) =>
    `Vous avez demandé une autorisation de travail pour ${x.worker} (nationalité : ${x.nationality}, né(e) le ${x.birthDate}) dans la catégorie ${x.category}.`,
  granted: (x) => `Le ${x.decidedOn}, nous avons décidé d'accepter votre demande.`,
  validity: (x) => `L'autorisation de travail est valable du ${x.validFrom} au ${x.validUntil} inclus.`,
  refused: (x) =>
    `Le ${x.decidedOn}, nous avons décidé de refuser votre demande ${x.reasonCount === 1 ? 'pour le motif suivant' : 'pour les motifs suivants'} :`,
  legalBasisLabel: 'Base légale',
  noteHeading: 'Commentaire du gestionnaire de dossier',
  motivationHeading: 'Motivation',
  legalFrame: (frame) => `La présente décision est prise sur la base de : ${frame}.`,
  appealHeading: 'Recours',
  appeal: (months) => [
    `Vous pouvez introduire un recours contre la présente décision auprès du ministre flamand qui a l'Emploi dans ses attributions. Le recours doit être motivé et introduit par lettre recommandée dans un délai ${months === 1 ? "d'un mois" : `de ${months} mois`} à compter de la notification de la présente décision.`,
    'Vous pouvez aussi introduire le recours en ligne dans Loket, depuis ce dossier.',
    "Le recours doit être rédigé dans l'une des langues nationales (néerlandais, français ou allemand). Mentionnez la référence de ce dossier. Le recours n'est pas suspensif.",
  ],
  rightsHeading: 'Droits et obligations',
  rights:
    "Le travailleur a les mêmes droits que tout travailleur en Belgique. Sur le salaire, le temps de travail, le logement retenu sur le salaire, le changement d'employeur et ce que cette autorisation permet, vous et le travailleur en lirez davantage au point d'information de Loket (la page /desk de ce service), aussi en néerlandais, en anglais et en turc. Les abus peuvent y être signalés, sans nom.",
  closing: "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
  caseHandlerRole: 'Gestionnaire de dossier, Division Migration économique',
  coSignerRole: 'Cosigné par le responsable hiérarchique',
  footer: (x) => `Dossier ${x.dossierNumber} - page ${x.page} sur ${x.pages}`,
  categories: {
    HIGHLY_SKILLED: 'travailleur hautement qualifié',
    EXECUTIVE: 'personnel de direction',
    EU_BLUE_CARD: 'carte bleue européenne',
    MEDIUM_SKILLED_SHORTAGE: 'fonction moyennement qualifiée de la liste de migration (métier en pénurie)',
    OTHER_LABOUR_MARKET_TEST: "autres travailleurs (avec examen du marché de l'emploi)",
    SEASONAL_WORKER: 'travailleur saisonnier',
    INTRA_CORPORATE_TRANSFEREE: "personne faisant l'objet d'un transfert temporaire intragroupe (ICT)",
    TRAINEE: 'stagiaire',
    AU_PAIR: 'au pair',
    PROFESSIONAL_ATHLETE: 'sportif rémunéré',
    PERFORMING_ARTIST: 'artiste de spectacle',
    MINISTER_OF_RELIGION: "ministre d'un culte reconnu",
    RESEARCHER: 'chercheur',
  },
};

const EN: LetterTexts = {
  sender: ['Flemish Government', 'Department of Work and Social Economy', 'Economic Migration Division'],
  dateLabel: 'Date',
  referenceLabel: 'Our reference',
  enterpriseNumberLabel: 'Enterprise number',
  enterpriseWithoutName: 'The employer',
  title: (dossier) => `Decision on the application for work authorisation ${dossier}`,
  subject: (dossier) => `Subject: decision on your application for work authorisation (file ${dossier})`,
  salutation: 'Dear Sir or Madam,',
  introduction: (x) =>
    `You applied for a work authorisation for ${x.worker} (nationality: ${x.nationality}, born on ${x.birthDate}) in the category ${x.category}.`,
  granted: (x) => `On ${x.decidedOn} we decided to grant your application.`,
  validity: (x) => `The work authorisation is valid from ${x.validFrom} up to and including ${x.validUntil}.`,
  refused: (x) =>
    `On ${x.decidedOn} we decided to refuse your application ${x.reasonCount === 1 ? 'for the following reason' : 'for the following reasons'}:`,
  legalBasisLabel: 'Legal basis',
  noteHeading: 'Note from the case handler',
  motivationHeading: 'Statement of reasons',
  legalFrame: (frame) => `This decision is taken on the basis of: ${frame}.`,
  appealHeading: 'Appeal',
  appeal: (months) => [
    `You may appeal against this decision to the Flemish minister responsible for Work. The appeal must state its reasons and be sent by registered letter within ${months === 1 ? 'one month' : `${months} months`} of the notification of this decision.`,
    'You may also lodge the appeal online in Loket, from this dossier.',
    'The appeal must be written in one of the national languages of Belgium (Dutch, French or German). Quote the reference of this file. An appeal does not suspend this decision.',
  ],
  rightsHeading: 'Rights and obligations',
  rights:
    'The worker has the same rights as every worker in Belgium. On pay, working time, housing deducted from wages, changing employer and what this authorisation allows, you and the worker read more at the information desk of Loket (the page /desk of this service), also in Dutch, French and Turkish. Abuse can be reported there, without a name.',
  closing: 'Yours faithfully,',
  caseHandlerRole: 'Case handler, Economic Migration Division',
  coSignerRole: 'Co-signed by the supervisor',
  footer: (x) => `File ${x.dossierNumber} - page ${x.page} of ${x.pages}`,
  categories: {
    HIGHLY_SKILLED: 'highly skilled worker',
    EXECUTIVE: 'executive staff',
    EU_BLUE_CARD: 'EU Blue Card',
    MEDIUM_SKILLED_SHORTAGE: 'medium-skilled function on the migration list (shortage occupation)',
    OTHER_LABOUR_MARKET_TEST: 'other workers (with a labour-market test)',
    SEASONAL_WORKER: 'seasonal worker',
    INTRA_CORPORATE_TRANSFEREE: 'intra-corporate transferee (ICT)',
    TRAINEE: 'trainee',
    AU_PAIR: 'au pair',
    PROFESSIONAL_ATHLETE: 'professional athlete',
    PERFORMING_ARTIST: 'performing artist',
    MINISTER_OF_RELIGION: 'minister of a recognised religion',
    RESEARCHER: 'researcher',
  },
};

export const LETTER_TEXTS: Readonly<Record<Lang, LetterTexts>> = { nl: NL, fr: FR, en: EN };
