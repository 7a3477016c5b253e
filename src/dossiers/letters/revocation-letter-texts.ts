import type { Lang } from '../../i18n/languages.ts';

/**
 * The words proper to the letter withdrawing a granted authorisation to work (intrekking), in nl, fr
 * and en; sender, salutation, introduction, legal-basis label, appeal route, closing and footer are
 * the decision letter's (letter-texts.ts): a withdrawal is appealed like a refusal (reference.md
 * §5.3, "beroep tegen weigering of intrekking").
 */
export interface RevocationLetterTexts {
  readonly title: (dossierNumber: string) => string;
  readonly subject: (dossierNumber: string) => string;
  readonly grantedEarlier: (x: { grantedOn: string; validFrom: string; validUntil: string }) => string;
  readonly heard: (x: { proposedOn: string; dueOn: string }) => string;
  readonly answered: (x: { answeredOn: string }) => string;
  readonly notAnswered: string;
  readonly revoked: (x: { decidedOn: string; reasonCount: number }) => string;
  readonly factsHeading: string;
  readonly motivationHeading: string;
  readonly consequence: string;
  readonly signerRole: string;
}

const NL: RevocationLetterTexts = {
  title: (dossier) => `Intrekking van de toelating tot arbeid ${dossier}`,
  subject: (dossier) => `Betreft: intrekking van de toelating tot arbeid (dossier ${dossier})`,
  grantedEarlier: (x) =>
    `Op ${x.grantedOn} werd de toelating tot arbeid toegekend, geldig van ${x.validFrom} tot en met ${x.validUntil}.`,
  heard: (x) =>
    `Op ${x.proposedOn} hebben wij u meegedeeld dat de intrekking van die toelating werd voorgesteld, met de gronden en de feiten, en kon u uw standpunt geven tot en met ${x.dueOn}.`,
  answered: (x) => `Uw antwoord van ${x.answeredOn} werd bij de beslissing betrokken.`,
  notAnswered: 'U hebt binnen die termijn niet geantwoord.',
  revoked: (x) =>
    `Op ${x.decidedOn} hebben wij beslist de toelating tot arbeid in te trekken, ${x.reasonCount === 1 ? 'om de volgende reden' : 'om de volgende redenen'}:`,
  factsHeading: 'Vastgestelde feiten',
  motivationHeading: 'Motivering',
  consequence:
    'De toelating houdt op uitwerking te hebben op de dag van deze beslissing. De Dienst Vreemdelingenzaken wordt van deze beslissing op de hoogte gebracht.',
  signerRole: 'Teamleider, Afdeling Economische Migratie',
};

const FR: RevocationLetterTexts = {
  title: (dossier) => `Retrait de l'autorisation de travail ${dossier}`,
  subject: (dossier) => `Objet : retrait de l'autorisation de travail (dossier ${dossier})`,
  grantedEarlier: (x) =>
    `Le ${x.grantedOn}, l'autorisation de travail a été accordée, valable du ${x.validFrom} au ${x.validUntil} inclus.`,
  heard: (x) =>
    `Le ${x.proposedOn}, nous vous avons informé que le retrait de cette autorisation était proposé, avec les motifs et les faits, et vous pouviez faire valoir votre point de vue jusqu'au ${x.dueOn} inclus.`,
  answered: (x) => `Votre réponse du ${x.answeredOn} a été prise en compte dans la décision.`,
  notAnswered: "Vous n'avez pas répondu dans ce délai.",
  revoked: (x) =>
    `Le ${x.decidedOn}, nous avons décidé de retirer l'autorisation de travail ${x.reasonCount === 1 ? 'pour le motif suivant' : 'pour les motifs suivants'} :`,
  factsHeading: 'Faits constatés',
  motivationHeading: 'Motivation',
  consequence:
    "L'autorisation cesse de produire ses effets le jour de la présente décision. L'Office des étrangers est informé de cette décision.",
  signerRole: "Chef d'équipe, Division Migration économique",
};

const EN: RevocationLetterTexts = {
  title: (dossier) => `Withdrawal of the authorisation to work ${dossier}`,
  subject: (dossier) => `Subject: withdrawal of the authorisation to work (file ${dossier})`,
  grantedEarlier: (x) =>
    `On ${x.grantedOn} the authorisation to work was granted, valid from ${x.validFrom} until ${x.validUntil} inclusive.`,
  heard: (x) =>
    `On ${x.proposedOn} we informed you that the withdrawal of that authorisation was proposed, with its grounds and the facts, and you could state your position until ${x.dueOn} inclusive.`,
  answered: (x) => `Your answer of ${x.answeredOn} was taken into account in the decision.`,
  notAnswered: 'You did not answer within that time.',
  revoked: (x) =>
    `On ${x.decidedOn} we decided to withdraw the authorisation to work, ${x.reasonCount === 1 ? 'for the following reason' : 'for the following reasons'}:`,
  factsHeading: 'Facts established',
  motivationHeading: 'Statement of reasons',
  consequence:
    'The authorisation ceases to have effect on the day of this decision. The federal Immigration Office is informed of this decision.',
  signerRole: 'Team leader, Economic Migration Division',
};

export const REVOCATION_LETTER_TEXTS: Readonly<Record<Lang, RevocationLetterTexts>> = {
  nl: NL,
  fr: FR,
  en: EN,
};
