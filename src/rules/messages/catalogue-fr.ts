import type { Catalogue } from './catalogue.ts';
import { isPerformingArtist, yearOf } from './catalogue.ts';
import { PARAMETER_CAVEAT } from './parameter-caveat.ts';
import { parameterLabel, parameterValue } from './parameter-labels.ts';

const REDUCTION = {
  UNDER_AGE_LIMIT: 'travailleur de moins de 30 ans',
  NURSE: 'infirmier',
  TEACHER: 'enseignant',
};
const FIXED = {
  'threshold.professionalAthlete': 'montant fixe pour les sportifs rémunérés',
  'threshold.athleteTrainerWithoutContract': 'montant fixe pour les entraîneurs sans contrat professionnel',
  'threshold.performingArtist': 'montant fixe pour les artistes de spectacle',
} as Record<string, string>;
const REGION = {
  FLANDERS: 'la Région flamande',
  BRUSSELS: 'la Région de Bruxelles-Capitale',
  WALLONIA: 'la Région wallonne',
  GERMAN_SPEAKING_COMMUNITY: 'le territoire de la Communauté germanophone, elle-même compétente',
} as Record<string, string>;
const SEARCH_POINT = {
  UNSUITABLE_CANDIDATES: 'pourquoi les candidats qui se sont présentés ne convenaient pas',
  WORKPLACE_LEARNING: "pourquoi l'apprentissage sur le lieu de travail n'était pas possible",
  SHARED_MANAGEMENT: "l'offre d'emploi en gestion partagée auprès du VDAB (et d'EURES)",
};
const VIA = { EMPLOYER: "l'employeur", DIRECTOR: 'un administrateur' };

const FREE_MOVEMENT_FR = {
  EU: "d'un État membre de l'Union européenne",
  EEA: "d'un État de l'Espace économique européen",
  SWITZERLAND: "de la Suisse, qui partage la libre circulation des personnes avec l'UE",
  UK_TRANSITION: "du Royaume-Uni, resté dans la libre circulation jusqu'au 31 décembre 2020",
};

export const CATALOGUE_FR: Catalogue = {
  reasons: {
    MISSING_INFORMATION: (x, f) => `Des données manquent pour cette catégorie : ${f.list(x.fields)}.`,
    INVALID_ENTERPRISE_NUMBER: (x) =>
      x.problem === 'ESTABLISHMENT_UNIT_NUMBER'
        ? `${x.enterpriseNumber} est un numéro d'unité d'établissement ; indiquez le numéro d'entreprise (commence par 0 ou 1).`
        : x.problem === 'FORMAT'
          ? `Le numéro d'entreprise ${x.enterpriseNumber} ne compte pas 10 chiffres.`
          : `Le numéro d'entreprise ${x.enterpriseNumber} n'est pas valide : les chiffres de contrôle (modulo 97) ne correspondent pas.`,
    INVALID_INSZ: (x) =>
      x.problem === 'FORMAT'
        ? `Le NISS ${x.insz} ne compte pas 11 chiffres.`
        : x.problem === 'DATE'
          ? `Le NISS ${x.insz} ne contient pas de mois ou de jour de naissance valide.`
          : `Le NISS ${x.insz} n'est pas valide : les chiffres de contrôle ne correspondent pas (règles avant et depuis 2000 essayées).`,
    NOT_COMPETENT_REGION: (x) =>
      `Le lieu de travail (code postal ${x.postalCode}) n'est pas situé en Région flamande${x.region ? ` mais dans ${REGION[x.authority ?? x.region]}` : ''} ; la Flandre n'est pas compétente. Aucune redevance n'est due en Flandre.`,
    QUALIFICATION_TOO_LOW: (x) =>
      `Le niveau de qualification du travailleur (VKS ${x.qualificationVks}) est inférieur au minimum requis (VKS ${x.minimumVks}).`,
    FUNCTION_NOT_HIGHLY_SKILLED: (x) =>
      `La fonction requiert le niveau VKS ${x.requiredVks} ; une fonction hautement qualifiée doit elle-même requérir au moins le niveau VKS ${x.minimumVks}.`,
    SALARY_BELOW_THRESHOLD: (x, f) => {
      const basis =
        x.share !== undefined
          ? `${f.percent(x.share)} du salaire annuel brut moyen de ${yearOf(x.averageWageFrom)}${x.reduction ? `, réduit : ${REDUCTION[x.reduction]}` : ''}`
          : (FIXED[x.amountParameter ?? ''] ?? x.basis);
      const artist = isPerformingArtist(x)
        ? ' En dessous de ce montant, seule une demande avec examen du marché du travail est possible.'
        : '';
      return `Le salaire annuel brut (${f.amount(x.salary)}) est inférieur au seuil (${f.amount(x.threshold)}, ${basis} ; soit ${f.amount(x.thresholdMonthly)} bruts par mois, treizième mois et pécule de vacances compris).${artist}`;
    },
    CONTRACT_TOO_SHORT: (x, f) =>
      `Le contrat (${f.date(x.startDate)} – ${f.date(x.endDate)}, ${x.months} mois complets) est plus court que les ${x.minimumMonths} mois requis.`,
    NOT_ON_MIGRATION_LIST: (x, f) =>
      `La fonction « ${x.function} » ne figure pas sur la liste de migration ${x.version} (en vigueur depuis le ${f.date(x.versionValidFrom)}).`,
    NOT_ON_SHORTAGE_LIST: () =>
      'La fonction ne figure pas sur la liste des métiers en pénurie du VDAB, ce qui est requis pour cette catégorie.',
    LOW_SKILLED_FUNCTION_EXCLUDED: (x) =>
      `La fonction requiert le niveau VKS ${x.requiredVks} ; les fonctions jusqu'au niveau VKS ${x.maximumExcludedVks} inclus sont exclues (sauf le travail saisonnier).`,
    VACANCY_PUBLICATION_INSUFFICIENT: (x, f) =>
      `L'offre d'emploi n'a pas été publiée assez longtemps : au moins ${x.minimumDaysPerChannel} jours par canal requis entre le ${f.date(x.windowFrom)} et le ${f.date(x.windowTo)} ; constaté : ${f.list(Object.entries(x.daysByChannel).map(([c, d]) => `${c} ${d} jours`))}.`,
    WORKER_ALREADY_IN_BELGIUM: () =>
      "Le travailleur séjourne déjà en Belgique ; une première demande dans cette catégorie n'est possible que lorsque le travailleur est à l'étranger.",
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM: () =>
      "L'employeur n'est pas établi en Belgique ; cette catégorie requiert un employeur belge (pas de détachement).",
    EMPLOYMENT_FRACTION_TOO_LOW: (x, f) =>
      `La fraction d'occupation (${f.percent(x.employmentFraction)}) est inférieure au minimum de ${f.percent(x.minimumFraction)}.`,
    SEASONAL_DURATION_EXCEEDED: (x, f) =>
      x.endDate === null
        ? `Une occupation saisonnière ne peut pas être à durée indéterminée : ${x.maximumDays} jours sont autorisés par période de ${x.referencePeriodDays} jours.`
        : `L'occupation saisonnière dure ${x.days} jours (${f.date(x.startDate)} – ${f.date(x.endDate)}), plus que les ${x.maximumDays} jours autorisés par période de ${x.referencePeriodDays} jours.`,
    ICT_CONDITIONS_NOT_MET: (x, f) =>
      `Les conditions du transfert temporaire intragroupe ne sont pas remplies : ${f.list(
        x.failed.map((c) =>
          c === 'SAME_GROUP'
            ? "l'entreprise d'accueil et l'entreprise d'envoi n'appartiennent pas au même groupe"
            : `${f.number(x.priorEmploymentMonths)} mois d'occupation préalable dans le groupe, minimum ${x.minimumPriorEmploymentMonths}`,
        ),
      )}.`,
    EMPLOYER_EXCLUDED: (x, f) =>
      `L'employeur est exclu jusqu'au ${f.date(x.until)} inclus en raison d'une sanction visant ${f.list(x.via.map((v) => VIA[v]))}.`,
    FALSE_DOCUMENTS: () =>
      'Un gestionnaire de dossier a constaté des documents faux ou obtenus de manière illicite.',
    EMPLOYER_ALMOST_ONLY_NON_EU: (x, f) =>
      `${x.nonEuHeadcount} des ${x.headcount} travailleurs (${f.percent(x.share)}) ne sont pas ressortissants de l'UE, soit au moins le seuil de ${f.percent(x.minimumShare)} ; à apprécier par un gestionnaire de dossier.`,
    EMPLOYER_ACTS_AS_HUB: (x, f) =>
      `${x.leftWithin6Months} des ${x.permitsLast24Months} travailleurs autorisés (24 derniers mois) sont partis dans les 6 mois (${f.percent(x.share)}, seuil ${f.percent(x.minimumShare)}) : plaque tournante possible ; à apprécier.`,
    HOSTING_AGREEMENT_REQUIRED: () =>
      "Un chercheur doit disposer d'une convention d'accueil avec un organisme de recherche agréé.",
    CULT_NOT_RECOGNISED: (x, f) =>
      `Le culte « ${x.cult} » n'est pas reconnu en Belgique (reconnus : ${f.list(x.recognisedCults)}).`,
    WORK_AUTHORISATION_NOT_REQUIRED: (x, f) =>
      x.group === 'BELGIAN'
        ? "Le travailleur est de nationalité belge : un Belge n'a pas besoin d'autorisation de travail. Il n'y a rien à demander ni de redevance à payer."
        : `Le travailleur est ressortissant ${FREE_MOVEMENT_FR[x.group]} (${f.country(x.nationality)}) : la libre circulation des travailleurs le dispense d'autorisation de travail. Il n'y a rien à demander ni de redevance à payer.`,
    FUNCTION_ABOVE_MEDIUM_SKILLED: (x) =>
      `La fonction requiert le niveau VKS ${x.requiredVks} ; la catégorie « autres » est limitée aux fonctions moyennement qualifiées (jusqu'au niveau VKS ${x.maximumVks}). Une fonction hautement qualifiée se demande comme travailleur hautement qualifié ou avec une carte bleue européenne.`,
    LABOUR_MARKET_SEARCH_TO_JUDGE: (x, f) =>
      `La publication de l'offre d'emploi est une condition minimale mais insuffisante à elle seule. Un gestionnaire de dossier apprécie le dossier de recherche de l'employeur : ${f.list(x.points.map((p) => SEARCH_POINT[p]))}.`,
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: () =>
      "Le dossier ne démontre pas qu'il existe une pénurie de ministres de ce culte.",
    INTEGRATION_TEST_NOT_PASSED: () =>
      "Aucune preuve de réussite d'un test d'intégration et de langue, requise pour les ministres des cultes.",
    PAY_BELOW_MINIMUM: (x, f) =>
      `Le salaire (${f.amount(x.monthlySalary)} par mois, ${f.amount(x.grossAnnualSalary)} par an) est inférieur au minimum de ${f.amount(x.minimumMonthly)} par mois : ${x.sectorScaleMonthly !== null && x.sectorScaleMonthly > x.guaranteedMinimumMonthly ? `le barème sectoriel (${f.amount(x.sectorScaleMonthly)})` : `le revenu minimum mensuel moyen garanti (${f.amount(x.guaranteedMinimumMonthly)})`} à temps plein, au prorata d'une occupation de ${f.percent(x.employmentFraction)}.`,
    LOW_SKILLED_RENEWAL_TO_JUDGE: (x) =>
      `La fonction requiert le niveau VKS ${x.requiredVks} ; depuis 2026, les fonctions jusqu'au niveau VKS ${x.maximumExcludedVks} sont exclues. Pour le renouvellement d'une autorisation antérieure à 2026, un gestionnaire de dossier apprécie s'il reste possible.`,
  },
  warnings: {
    VALIDITY_LIMITED_BY_AGE: (x, f) =>
      `Le travailleur aura ${x.ageLimit} ans le ${f.date(x.turnsAgeLimitOn)}, pendant la validité demandée (jusqu'au ${f.date(x.requestedUntil)}). Sans augmentation du salaire jusqu'au seuil normal à cette date, l'autorisation vaut jusqu'au ${f.date(x.until)}.`,
    REGULATED_PROFESSION: (x) =>
      `${x.profession === 'NURSE' ? 'Infirmier' : `Profession de soins réglementée (CITP ${x.iscoCode})`} : le travailleur ne peut exercer la profession qu'après la reconnaissance du diplôme étranger par NARIC et avec un visa du SPF Santé publique${x.naricReference ? ` (dossier NARIC ${x.naricReference})` : ''}.`,
    PARAMETER_UNVERIFIED: (x, f) => {
      const value = parameterValue(x.parameter, x.value, f);
      const what = `${parameterLabel(x.parameter, 'fr')}${value ? ` : ${value}` : ''} à partir du ${f.date(x.validFrom)}.`;
      // Conflicting sources are the staff's to know (the status beside it on their pages), not the public's.
      return `${what} ${PARAMETER_CAVEAT.fr[x.status]}`;
    },
  },
};
