import type { Lang } from '../../i18n/languages.ts';
import type { ParameterName } from '../parameters/parameter-definitions.ts';
import { PARAMETER_DEFINITIONS } from '../parameters/parameter-definitions.ts';
import { formatValue } from './catalogue.ts';
import type { Formatter } from './format.ts';

/**
 * The name of each parameter in words, per language, for the messages that mention one (an
 * unverified value). Every parameter must have one: the type makes a missing label a compile error.
 */
type Labels = Readonly<Record<Lang, string>>;
const L = (nl: string, fr: string, en: string): Labels => ({ nl, fr, en });

const ICT = { nl: 'Intra-concernoverplaatsing', fr: 'Transfert intragroupe', en: 'Intra-corporate transfer' };

export const PARAMETER_LABELS: Readonly<Record<ParameterName, Labels>> = {
  'salary.averageGrossAnnual': L(
    'Gemiddeld bruto jaarloon (basis van de loondrempels)',
    'Salaire annuel brut moyen (base des seuils salariaux)',
    'Average gross annual wage (base of the salary thresholds)',
  ),
  'salary.monthlyDivisor': L(
    'Deler voor het maandbedrag',
    'Diviseur du montant mensuel',
    'Divisor for the monthly amount',
  ),
  'salary.guaranteedMinimumMonthlyIncome': L(
    // A monthly amount said with what it is: gross, for full time, pro rata for part time (pay-floor.ts).
    'Gewaarborgd gemiddeld minimum maandinkomen (GGMMI), bruto per maand voor voltijds werk (bij deeltijds naar verhouding)',
    'Revenu minimum mensuel moyen garanti (RMMMG), brut par mois pour un temps plein (au prorata à temps partiel)',
    'Guaranteed average minimum monthly income (GGMMI), gross a month for full-time work (pro rata for part time)',
  ),
  'salary.payFloorAppliesToOther': L(
    "Loonvloer van middengeschoolden ook voor 'overige'",
    'Plancher salarial des moyennement qualifiés aussi pour les « autres »',
    "Medium-skilled pay floor also for 'other workers'",
  ),
  'threshold.share.highlySkilled': L(
    'Loondrempel hooggeschoolde werknemer',
    'Seuil salarial travailleur hautement qualifié',
    'Salary threshold, highly skilled worker',
  ),
  'threshold.share.highlySkilledReduced': L(
    'Verlaagde loondrempel hooggeschoolde werknemer',
    'Seuil salarial réduit travailleur hautement qualifié',
    'Reduced salary threshold, highly skilled worker',
  ),
  'threshold.share.highlySkilledTeacher': L(
    'Loondrempel hooggeschoolde leerkracht',
    'Seuil salarial enseignant hautement qualifié',
    'Salary threshold, highly skilled teacher',
  ),
  'threshold.reducedAgeLimit': L(
    'Leeftijdsgrens voor de verlaagde loondrempel',
    'Limite d’âge du seuil salarial réduit',
    'Age limit of the reduced salary threshold',
  ),
  'threshold.share.executive': L(
    'Loondrempel leidinggevend personeel',
    'Seuil salarial personnel de direction',
    'Salary threshold, executive staff',
  ),
  'threshold.share.euBlueCard': L(
    'Loondrempel Europese blauwe kaart',
    'Seuil salarial carte bleue européenne',
    'Salary threshold, EU Blue Card',
  ),
  'threshold.share.ictManager': L(
    `Loondrempel ${ICT.nl.toLowerCase()}, leidinggevende`,
    `Seuil salarial ${ICT.fr.toLowerCase()}, cadre`,
    `Salary threshold, ${ICT.en.toLowerCase()}, manager`,
  ),
  'threshold.share.ictSpecialist': L(
    `Loondrempel ${ICT.nl.toLowerCase()}, specialist`,
    `Seuil salarial ${ICT.fr.toLowerCase()}, expert`,
    `Salary threshold, ${ICT.en.toLowerCase()}, specialist`,
  ),
  'threshold.share.ictTrainee': L(
    `Loondrempel ${ICT.nl.toLowerCase()}, stagiair`,
    `Seuil salarial ${ICT.fr.toLowerCase()}, stagiaire`,
    `Salary threshold, ${ICT.en.toLowerCase()}, trainee`,
  ),
  'threshold.professionalAthlete': L(
    'Minimumloon betaalde sportbeoefenaar',
    'Rémunération minimale sportif rémunéré',
    'Minimum pay, professional athlete',
  ),
  'threshold.athleteTrainerWithoutContract': L(
    'Minimumloon trainer zonder profcontract',
    'Rémunération minimale entraîneur sans contrat professionnel',
    'Minimum pay, trainer without a professional contract',
  ),
  'threshold.performingArtist': L(
    'Loongrens schouwspelartiest',
    'Seuil de rémunération artiste de spectacle',
    'Pay threshold, performing artist',
  ),
  'qualification.minimumVks.highlySkilled': L(
    'Minimaal kwalificatieniveau hooggeschoolde werknemer',
    'Niveau de qualification minimal travailleur hautement qualifié',
    'Minimum qualification level, highly skilled worker',
  ),
  'qualification.minimumVks.euBlueCard': L(
    'Minimaal kwalificatieniveau Europese blauwe kaart',
    'Niveau de qualification minimal carte bleue européenne',
    'Minimum qualification level, EU Blue Card',
  ),
  'qualification.minimumVks.ictManager': L(
    `Minimaal kwalificatieniveau ${ICT.nl.toLowerCase()}, leidinggevende`,
    `Niveau de qualification minimal ${ICT.fr.toLowerCase()}, cadre`,
    `Minimum qualification level, ${ICT.en.toLowerCase()}, manager`,
  ),
  'qualification.minimumVks.ictSpecialist': L(
    `Minimaal kwalificatieniveau ${ICT.nl.toLowerCase()}, specialist`,
    `Niveau de qualification minimal ${ICT.fr.toLowerCase()}, expert`,
    `Minimum qualification level, ${ICT.en.toLowerCase()}, specialist`,
  ),
  'qualification.minimumVks.ictTrainee': L(
    `Minimaal kwalificatieniveau ${ICT.nl.toLowerCase()}, stagiair`,
    `Niveau de qualification minimal ${ICT.fr.toLowerCase()}, stagiaire`,
    `Minimum qualification level, ${ICT.en.toLowerCase()}, trainee`,
  ),
  'qualification.minimumVks.trainee': L(
    'Minimaal kwalificatieniveau stagiair',
    'Niveau de qualification minimal stagiaire',
    'Minimum qualification level, trainee',
  ),
  'function.highlySkilledMinimumRequiredVks': L(
    'Minimaal niveau van een hooggeschoolde functie',
    'Niveau minimal d’une fonction hautement qualifiée',
    'Minimum level of a highly skilled function',
  ),
  'religion.shortageProofRequired': L(
    'Bedienaars van erediensten: bewijs van een tekort aan bedienaars',
    'Ministres des cultes : preuve d’une pénurie de ministres',
    'Ministers of religion: proof of a shortage of ministers',
  ),
  'religion.integrationTestRequired': L(
    'Bedienaars van erediensten: bewijs van geslaagde inburgerings- en taaltest',
    'Ministres des cultes : preuve de réussite du test d’intégration et de langue',
    'Ministers of religion: proof of a passed integration and language test',
  ),
  'profession.regulatedCareIscoCodes': L(
    'Gereglementeerde zorgberoepen (ISCO)',
    'Professions de soins réglementées (CITP)',
    'Regulated care professions (ISCO)',
  ),
  'function.nurseExceptionNaricRequired': L(
    'Uitzondering voor verpleegkundigen: NARIC-dossiernummer vereist',
    'Exception pour les infirmiers : numéro de dossier NARIC requis',
    'Nurse exception: NARIC file reference required',
  ),
  'function.euBlueCardMinimumRequiredVks': L(
    'Minimaal vereist niveau van een functie met Europese blauwe kaart',
    'Niveau minimal exigé par une fonction sous carte bleue européenne',
    'Minimum level an EU Blue Card function must require',
  ),
  'function.otherMaximumRequiredVks': L(
    "Hoogste niveau van een functie in de categorie 'overige'",
    "Niveau maximal d'une fonction de la catégorie « autres »",
    "Highest level of a function in the 'other' category",
  ),
  'labourMarketTest.searchJudgedByCaseHandler': L(
    'Zoektocht naar kandidaten beoordeeld door de dossierbehandelaar',
    'Recherche de candidats appréciée par le gestionnaire de dossier',
    'Search for candidates judged by the case handler',
  ),
  'function.lowSkilledExcludedMaximumVks': L(
    'Niveau van uitgesloten laaggeschoolde functies',
    'Niveau des fonctions peu qualifiées exclues',
    'Level of excluded low-skilled functions',
  ),
  'contract.euBlueCardMinimumMonths': L(
    'Minimale contractduur Europese blauwe kaart',
    'Durée minimale du contrat carte bleue européenne',
    'Minimum contract length, EU Blue Card',
  ),
  'employment.mediumSkilledMinimumFraction': L(
    'Minimale tewerkstellingsbreuk knelpuntberoep',
    'Fraction d’occupation minimale fonction critique',
    'Minimum employment fraction, shortage occupation',
  ),
  'labourMarketTest.shortageListRequired': L(
    'Vereiste van de knelpuntberoepenlijst',
    'Exigence de la liste des fonctions critiques',
    'Shortage-occupation list requirement',
  ),
  'labourMarketTest.vacancyPublication': L(
    'Vereiste vacaturebekendmaking (arbeidsmarkttoets)',
    'Publication requise de l’offre d’emploi (examen du marché du travail)',
    'Required vacancy publication (labour-market test)',
  ),
  'seasonal.maximumDays': L(
    'Maximale duur seizoensarbeid',
    'Durée maximale du travail saisonnier',
    'Maximum length of seasonal work',
  ),
  'seasonal.referencePeriodDays': L(
    'Referteperiode seizoensarbeid',
    'Période de référence du travail saisonnier',
    'Reference period of seasonal work',
  ),
  'ict.minimumPriorEmploymentMonths': L(
    `Minimale voorafgaande tewerkstelling ${ICT.nl.toLowerCase()}`,
    `Occupation préalable minimale ${ICT.fr.toLowerCase()}`,
    `Minimum prior employment, ${ICT.en.toLowerCase()}`,
  ),
  'appeal.lodgingPeriodMonths': L(
    'Termijn om beroep in te stellen',
    'Délai pour introduire un recours',
    'Period to lodge an appeal',
  ),
  'procedure.workCardMaximumDays': L(
    'Maximale duur voor een arbeidskaart',
    'Durée maximale pour un permis de travail',
    'Maximum length for a work card',
  ),
  'procedure.fastLane.highlySkilled': L(
    'Snelle procedure hooggeschoolden',
    'Procédure accélérée hautement qualifiés',
    'Fast lane, highly skilled',
  ),
  'procedure.regionalDeadlineDays.highlySkilled': L(
    'Beslissingstermijn hooggeschoolden',
    'Délai de décision hautement qualifiés',
    'Decision deadline, highly skilled',
  ),
  'procedure.regionalDeadlineDays.euBlueCard': L(
    'Beslissingstermijn Europese blauwe kaart',
    'Délai de décision carte bleue européenne',
    'Decision deadline, EU Blue Card',
  ),
  'procedure.regionalDeadlineDays.seasonalWorker': L(
    'Beslissingstermijn seizoensarbeiders',
    'Délai de décision travailleurs saisonniers',
    'Decision deadline, seasonal workers',
  ),
  'procedure.regionalDeadlineDays.default': L('Beslissingstermijn', 'Délai de décision', 'Decision deadline'),
  'procedure.maxValidityMonths.highlySkilled': L(
    'Maximale geldigheid hooggeschoolden',
    'Validité maximale hautement qualifiés',
    'Maximum validity, highly skilled',
  ),
  'procedure.maxValidityMonths.seasonalWorker': L(
    'Maximale geldigheid seizoensarbeiders',
    'Validité maximale travailleurs saisonniers',
    'Maximum validity, seasonal workers',
  ),
  'procedure.maxValidityMonths.trainee': L(
    'Maximale geldigheid stagiairs',
    'Validité maximale stagiaires',
    'Maximum validity, trainees',
  ),
  'procedure.maxValidityMonths.ictManager': L(
    `Maximale duur ${ICT.nl.toLowerCase()}, leidinggevende`,
    `Durée maximale ${ICT.fr.toLowerCase()}, cadre`,
    `Maximum length, ${ICT.en.toLowerCase()}, manager`,
  ),
  'procedure.maxValidityMonths.ictSpecialist': L(
    `Maximale duur ${ICT.nl.toLowerCase()}, specialist`,
    `Durée maximale ${ICT.fr.toLowerCase()}, expert`,
    `Maximum length, ${ICT.en.toLowerCase()}, specialist`,
  ),
  'procedure.maxValidityMonths.ictTrainee': L(
    `Maximale duur ${ICT.nl.toLowerCase()}, stagiair`,
    `Durée maximale ${ICT.fr.toLowerCase()}, stagiaire`,
    `Maximum length, ${ICT.en.toLowerCase()}, trainee`,
  ),
  'refusal.falseDocuments': L(
    'Weigeringsgrond valse documenten',
    'Motif de refus documents faux',
    'Refusal ground, false documents',
  ),
  'refusal.employerActsAsHub': L(
    'Weigeringsgrond werkgever als draaischijf',
    'Motif de refus employeur plaque tournante',
    'Refusal ground, employer acting as a hub',
  ),
  'refusal.employerAlmostOnlyNonEu': L(
    'Weigeringsgrond werkgever met (bijna) enkel niet-EU-werknemers',
    'Motif de refus employeur occupant (presque) uniquement des travailleurs non européens',
    'Refusal ground, employer with (almost) only non-EU staff',
  ),
  'refusal.directorSanctions': L(
    'Uitsluiting na sanctie tegen een bestuurder',
    'Exclusion après sanction d’un administrateur',
    'Exclusion after a sanction on a director',
  ),
  'exclusion.sanctionMonths': L(
    'Duur van de uitsluiting na een sanctie (maanden, per grond)',
    'Durée de l’exclusion après une sanction (mois, par motif)',
    'Length of the exclusion after a sanction (months, per ground)',
  ),
  'policy.almostOnlyNonEu.minimumShare': L(
    'Beleidsgrens aandeel niet-EU-werknemers',
    'Seuil de politique part de travailleurs non européens',
    'Policy threshold, share of non-EU staff',
  ),
  'policy.almostOnlyNonEu.minimumHeadcount': L(
    'Beleidsgrens personeelsomvang',
    'Seuil de politique effectif',
    'Policy threshold, headcount',
  ),
  'policy.hub.minimumShare': L(
    'Beleidsgrens vroeg vertrokken werknemers',
    'Seuil de politique travailleurs partis tôt',
    'Policy threshold, workers who left early',
  ),
  'policy.hub.minimumPermits': L(
    'Beleidsgrens aantal toelatingen',
    'Seuil de politique nombre d’autorisations',
    'Policy threshold, number of permits',
  ),
  'religion.recognisedCults': L('Erkende erediensten', 'Cultes reconnus', 'Recognised religions'),
  'fee.singlePermit': L('Retributie', 'Redevance', 'Fee'),
  'worker.freeMovementNationalities': L(
    'Nationaliteiten zonder toelating tot arbeid (vrij verkeer)',
    'Nationalités sans autorisation de travail (libre circulation)',
    'Nationalities that need no work authorisation (free movement)',
  ),
};

const MIGRATION_LIST = L('Migratielijst', 'Liste de migration', 'Migration list');

/** The label of a parameter, or of a migration-list version (`migrationList.v4`). */
export function parameterLabel(name: string, lang: Lang): string {
  if (name.startsWith('migrationList.')) return `${MIGRATION_LIST[lang]} ${name.slice(14).toUpperCase()}`;
  return (PARAMETER_LABELS as Record<string, Labels | undefined>)[name]?.[lang] ?? name;
}

/** A parameter's value in words, by its unit: amounts in euro, shares as percentages. */
export function parameterValue(name: string, value: unknown, f: Formatter): string | null {
  if (name.startsWith('migrationList.')) return null; // the value is a function's id, not for reading
  // A yes/no setting is said by its label alone ("… ook voor 'overige' vanaf …"), never as true/false.
  if (typeof value === 'boolean') return null;
  const unit = (PARAMETER_DEFINITIONS as Record<string, { unit: string } | undefined>)[name]?.unit;
  if (typeof value === 'number' && (unit === 'EUR' || unit === 'EUR/year' || unit === 'EUR/month'))
    return f.amount(value);
  if (typeof value === 'number' && unit === 'share') return f.percent(value);
  return formatValue(value, f);
}
