import type { Catalogue } from './catalogue.ts';
import { isPerformingArtist, yearOf } from './catalogue.ts';
import { PARAMETER_CAVEAT } from './parameter-caveat.ts';
import { parameterLabel, parameterValue } from './parameter-labels.ts';

const REDUCTION = {
  UNDER_AGE_LIMIT: 'werknemer jonger dan 30',
  NURSE: 'verpleegkundige',
  TEACHER: 'leerkracht',
};
const FIXED = {
  'threshold.professionalAthlete': 'vast bedrag voor betaalde sportbeoefenaars',
  'threshold.athleteTrainerWithoutContract': 'vast bedrag voor trainers zonder profcontract',
  'threshold.performingArtist': 'vast bedrag voor schouwspelartiesten',
} as Record<string, string>;
const REGION = {
  FLANDERS: 'het Vlaamse Gewest',
  BRUSSELS: 'het Brussels Hoofdstedelijk Gewest',
  WALLONIA: 'het Waals Gewest',
  GERMAN_SPEAKING_COMMUNITY: 'het gebied van de Duitstalige Gemeenschap, die zelf bevoegd is',
} as Record<string, string>;
const SEARCH_POINT = {
  UNSUITABLE_CANDIDATES: 'waarom de kandidaten die zich aanboden niet geschikt waren',
  WORKPLACE_LEARNING: 'waarom werkplekleren niet mogelijk was',
  SHARED_MANAGEMENT: 'de vacature in gedeeld beheer bij VDAB (en EURES)',
};
const VIA = { EMPLOYER: 'de werkgever', DIRECTOR: 'een bestuurder' };

const FREE_MOVEMENT_NL = {
  EU: 'een lidstaat van de Europese Unie',
  EEA: 'een staat van de Europese Economische Ruimte',
  SWITZERLAND: 'Zwitserland, dat het vrij verkeer van personen met de EU deelt',
  UK_TRANSITION: 'het Verenigd Koninkrijk, dat tot en met 31 december 2020 onder het vrij verkeer bleef',
};

export const CATALOGUE_NL: Catalogue = {
  reasons: {
    MISSING_INFORMATION: (x, f) => `Voor deze categorie ontbreken gegevens: ${f.list(x.fields)}.`,
    INVALID_ENTERPRISE_NUMBER: (x) =>
      x.problem === 'ESTABLISHMENT_UNIT_NUMBER'
        ? `${x.enterpriseNumber} is een vestigingseenheidsnummer; geef het ondernemingsnummer (begint met 0 of 1).`
        : x.problem === 'FORMAT'
          ? `Het ondernemingsnummer ${x.enterpriseNumber} telt geen 10 cijfers.`
          : `Het ondernemingsnummer ${x.enterpriseNumber} is ongeldig: de controlecijfers (modulo 97) kloppen niet.`,
    INVALID_INSZ: (x) =>
      x.problem === 'FORMAT'
        ? `Het INSZ ${x.insz} telt geen 11 cijfers.`
        : x.problem === 'DATE'
          ? `Het INSZ ${x.insz} bevat geen geldige geboortemaand of -dag.`
          : `Het INSZ ${x.insz} is ongeldig: de controlecijfers kloppen niet (regel van vóór en vanaf 2000 geprobeerd).`,
    NOT_COMPETENT_REGION: (x) =>
      `De arbeidsplaats (postcode ${x.postalCode}) ligt niet in het Vlaamse Gewest${x.region ? ` maar in ${REGION[x.authority ?? x.region]}` : ''}; Vlaanderen is niet bevoegd. Er is in Vlaanderen geen retributie verschuldigd.`,
    QUALIFICATION_TOO_LOW: (x) =>
      `Het kwalificatieniveau van de werknemer (VKS ${x.qualificationVks}) ligt onder het vereiste minimum (VKS ${x.minimumVks}).`,
    FUNCTION_NOT_HIGHLY_SKILLED: (x) =>
      `De functie vereist VKS ${x.requiredVks}; een hooggeschoolde functie moet zelf minstens VKS ${x.minimumVks} vereisen.`,
    SALARY_BELOW_THRESHOLD: (x, f) => {
      const basis =
        x.share !== undefined
          ? `${f.percent(x.share)} van het gemiddelde bruto jaarloon van ${yearOf(x.averageWageFrom)}${x.reduction ? `, verlaagd: ${REDUCTION[x.reduction]}` : ''}`
          : (FIXED[x.amountParameter ?? ''] ?? x.basis);
      const artist = isPerformingArtist(x)
        ? ' Onder dit bedrag kan enkel een aanvraag met arbeidsmarkttoets.'
        : '';
      return `Het brutojaarloon (${f.amount(x.salary)}) ligt onder de drempel (${f.amount(x.threshold)}, ${basis}; dat is ${f.amount(x.thresholdMonthly)} bruto per maand, dertiende maand en vakantiegeld meegerekend).${artist}`;
    },
    CONTRACT_TOO_SHORT: (x, f) =>
      `Het contract (${f.date(x.startDate)} – ${f.date(x.endDate)}, ${x.months} volle maanden) is korter dan de vereiste ${x.minimumMonths} maanden.`,
    NOT_ON_MIGRATION_LIST: (x, f) =>
      `De functie "${x.function}" staat niet op de migratielijst ${x.version} (geldig vanaf ${f.date(x.versionValidFrom)}).`,
    NOT_ON_SHORTAGE_LIST: () =>
      'De functie staat niet op de VDAB-knelpuntberoepenlijst, wat voor deze categorie vereist is.',
    LOW_SKILLED_FUNCTION_EXCLUDED: (x) =>
      `De functie vereist VKS ${x.requiredVks}; functies tot en met VKS ${x.maximumExcludedVks} zijn uitgesloten (behalve seizoensarbeid).`,
    VACANCY_PUBLICATION_INSUFFICIENT: (x, f) =>
      `De vacature stond niet lang genoeg open: per kanaal minstens ${x.minimumDaysPerChannel} dagen nodig tussen ${f.date(x.windowFrom)} en ${f.date(x.windowTo)}; gevonden: ${f.list(Object.entries(x.daysByChannel).map(([c, d]) => `${c} ${d} dagen`))}.`,
    WORKER_ALREADY_IN_BELGIUM: () =>
      'De werknemer verblijft al in België; een eerste aanvraag in deze categorie kan alleen terwijl de werknemer in het buitenland is.',
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM: () =>
      'De werkgever is niet in België gevestigd; deze categorie vereist een Belgische werkgever (geen detachering).',
    EMPLOYMENT_FRACTION_TOO_LOW: (x, f) =>
      `De tewerkstellingsbreuk (${f.percent(x.employmentFraction)}) ligt onder het minimum van ${f.percent(x.minimumFraction)}.`,
    SEASONAL_DURATION_EXCEEDED: (x, f) =>
      x.endDate === null
        ? `Een seizoenstewerkstelling kan niet van onbepaalde duur zijn: toegelaten zijn ${x.maximumDays} dagen per ${x.referencePeriodDays} dagen.`
        : `De seizoenstewerkstelling duurt ${x.days} dagen (${f.date(x.startDate)} – ${f.date(x.endDate)}), meer dan de toegelaten ${x.maximumDays} dagen per ${x.referencePeriodDays} dagen.`,
    ICT_CONDITIONS_NOT_MET: (x, f) =>
      `Voorwaarden voor een intra-concernoverplaatsing niet vervuld: ${f.list(
        x.failed.map((c) =>
          c === 'SAME_GROUP'
            ? 'de ontvangende en de zendende onderneming behoren niet tot dezelfde groep'
            : `${f.number(x.priorEmploymentMonths)} maanden voorafgaande tewerkstelling in de groep, minimum ${x.minimumPriorEmploymentMonths}`,
        ),
      )}.`,
    EMPLOYER_EXCLUDED: (x, f) =>
      `De werkgever is uitgesloten tot en met ${f.date(x.until)} wegens een sanctie tegen ${f.list(x.via.map((v) => VIA[v]))}.`,
    FALSE_DOCUMENTS: () =>
      'Een dossierbehandelaar heeft valse of onrechtmatig verkregen documenten vastgesteld.',
    EMPLOYER_ALMOST_ONLY_NON_EU: (x, f) =>
      `${x.nonEuHeadcount} van de ${x.headcount} werknemers (${f.percent(x.share)}) zijn geen EU-onderdaan, op of boven de beleidsgrens van ${f.percent(x.minimumShare)}; te beoordelen door een dossierbehandelaar.`,
    EMPLOYER_ACTS_AS_HUB: (x, f) =>
      `${x.leftWithin6Months} van de ${x.permitsLast24Months} werknemers met een toelating (laatste 24 maanden) vertrokken binnen 6 maanden (${f.percent(x.share)}, grens ${f.percent(x.minimumShare)}): mogelijk een draaischijf; te beoordelen.`,
    HOSTING_AGREEMENT_REQUIRED: () =>
      'Een onderzoeker heeft een gastovereenkomst met een erkende onderzoeksinstelling nodig.',
    CULT_NOT_RECOGNISED: (x, f) =>
      `De eredienst "${x.cult}" is niet erkend in België (erkend: ${f.list(x.recognisedCults)}).`,
    WORK_AUTHORISATION_NOT_REQUIRED: (x, f) =>
      x.group === 'BELGIAN'
        ? 'De werknemer heeft de Belgische nationaliteit: een Belg heeft geen toelating tot arbeid nodig. Er is niets aan te vragen en geen retributie te betalen.'
        : `De werknemer is onderdaan van ${FREE_MOVEMENT_NL[x.group]} (${f.country(x.nationality)}) en heeft door het vrij verkeer van werknemers geen toelating tot arbeid nodig. Er is niets aan te vragen en geen retributie te betalen.`,
    FUNCTION_ABOVE_MEDIUM_SKILLED: (x) =>
      `De functie vereist VKS ${x.requiredVks}; de categorie 'overige' is beperkt tot middengeschoolde functies (tot en met VKS ${x.maximumVks}). Een hooggeschoolde functie vraagt u aan als hooggeschoolde of met een Europese blauwe kaart.`,
    LABOUR_MARKET_SEARCH_TO_JUDGE: (x, f) =>
      `De bekendmaking van de vacature is een minimale maar op zichzelf onvoldoende voorwaarde. Een dossierbehandelaar beoordeelt het samengestelde zoekdossier van de werkgever: ${f.list(x.points.map((p) => SEARCH_POINT[p]))}.`,
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: () =>
      'Het dossier toont niet aan dat er een tekort is aan bedienaars van deze eredienst.',
    INTEGRATION_TEST_NOT_PASSED: () =>
      'Er is geen bewijs van een geslaagde inburgerings- en taaltest, vereist voor bedienaars van erediensten.',
    PAY_BELOW_MINIMUM: (x, f) =>
      `Het loon (${f.amount(x.monthlySalary)} per maand, ${f.amount(x.grossAnnualSalary)} per jaar) ligt onder het minimum van ${f.amount(x.minimumMonthly)} per maand: ${x.sectorScaleMonthly !== null && x.sectorScaleMonthly > x.guaranteedMinimumMonthly ? `de sectorale loonschaal (${f.amount(x.sectorScaleMonthly)})` : `het gewaarborgd gemiddeld minimum maandinkomen (${f.amount(x.guaranteedMinimumMonthly)})`} voltijds, naar verhouding van een tewerkstelling van ${f.percent(x.employmentFraction)}.`,
    LOW_SKILLED_RENEWAL_TO_JUDGE: (x) =>
      `De functie vereist VKS ${x.requiredVks}; sinds 2026 zijn functies tot en met VKS ${x.maximumExcludedVks} uitgesloten. Voor de hernieuwing van een toelating van vóór 2026 beoordeelt een dossierbehandelaar of ze nog kan.`,
  },
  warnings: {
    VALIDITY_LIMITED_BY_AGE: (x, f) =>
      `De werknemer wordt ${x.ageLimit} op ${f.date(x.turnsAgeLimitOn)}, binnen de gevraagde geldigheid (tot ${f.date(x.requestedUntil)}). Zonder loonsverhoging tot de gewone drempel op die dag geldt de toelating tot ${f.date(x.until)}.`,
    REGULATED_PROFESSION: (x) =>
      `${x.profession === 'NURSE' ? 'Verpleegkundige' : `Gereglementeerd zorgberoep (ISCO ${x.iscoCode})`}: de werknemer mag het beroep pas uitoefenen na erkenning van het buitenlandse diploma door NARIC en met een visum van de FOD Volksgezondheid${x.naricReference ? ` (NARIC-dossier ${x.naricReference})` : ''}.`,
    PARAMETER_UNVERIFIED: (x, f) => {
      const value = parameterValue(x.parameter, x.value, f);
      const what = `${parameterLabel(x.parameter, 'nl')}${value ? `: ${value}` : ''} vanaf ${f.date(x.validFrom)}.`;
      // Conflicting sources are the staff's to know (the status beside it on their pages), not the public's.
      return `${what} ${PARAMETER_CAVEAT.nl[x.status]}`;
    },
  },
};
