import type { Lang } from '../../i18n/languages.ts';

/**
 * A legal basis as the reader's language writes it. The rules cite their basis in one canonical
 * form (`BVR 7 Dec 2018, art. 17, 1°`), which the contract keeps as `legalBasis`; the screens and
 * letters show this rendering: "Besluit van de Vlaamse Regering van 7 december 2018, art. 17, 1°",
 * "Arrêté du Gouvernement flamand du 7 décembre 2018, art. 17, 1°", "Flemish Government Decree of
 * 7 December 2018, Art. 17, 1°". Parameter sources use the same rendering for the legal texts they
 * cite; website names and numbers pass through unchanged.
 */

const MONTHS: Record<Lang, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

// English and Dutch month abbreviations and names, as the citations write them.
const MONTH_INDEX = new Map<string, number>(
  [
    ['jan', 'januari', 'january'],
    ['feb', 'februari', 'february'],
    ['mar', 'maart', 'march'],
    ['apr', 'april'],
    ['may', 'mei'],
    ['jun', 'juni', 'june'],
    ['jul', 'juli', 'july'],
    ['aug', 'augustus', 'august'],
    ['sep', 'sept', 'september'],
    ['oct', 'okt', 'oktober', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index] as const)),
);

const MONTH_PATTERN = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');

function writeDate(day: string, month: number, year: string, lang: Lang): string {
  const d = Number(day);
  const dayText = lang === 'fr' && d === 1 ? '1er' : String(d);
  return `${dayText} ${MONTHS[lang][month]} ${year}`;
}

/** Instruments that are followed by their date: "BVR 7 Dec 2018" → "… van 7 december 2018". */
const INSTRUMENTS: ReadonlyArray<readonly [string, Readonly<Record<Lang, readonly [string, string]>>]> = [
  ['Special Law', { nl: ['Bijzondere wet', 'van'], fr: ['Loi spéciale', 'du'], en: ['Special Act', 'of'] }],
  [
    'BVR',
    {
      nl: ['Besluit van de Vlaamse Regering', 'van'],
      fr: ['Arrêté du Gouvernement flamand', 'du'],
      en: ['Flemish Government Decree', 'of'],
    },
  ],
  ['KB', { nl: ['Koninklijk besluit', 'van'], fr: ['Arrêté royal', 'du'], en: ['Royal Decree', 'of'] }],
  [
    'MB',
    {
      nl: ['Ministerieel besluit', 'van'],
      fr: ['Arrêté ministériel', 'du'],
      en: ['Ministerial Decree', 'of'],
    },
  ],
  [
    'BS',
    {
      nl: ['Belgisch Staatsblad', 'van'],
      fr: ['Moniteur belge', 'du'],
      en: ['Belgian Official Gazette', 'of'],
    },
  ],
  ['Law', { nl: ['Wet', 'van'], fr: ['Loi', 'du'], en: ['Act', 'of'] }],
  [
    'cooperation agreement',
    {
      nl: ['samenwerkingsakkoord', 'van'],
      fr: ['accord de coopération', 'du'],
      en: ['cooperation agreement', 'of'],
    },
  ],
];

/** Fixed phrases of the citations, longest first so that a longer phrase wins. */
const PHRASES: ReadonlyArray<readonly [string, Readonly<Record<Lang, string>>]> = [
  // Parameter sources (rules/parameters): where no official text confirms a value, they say so.
  [
    ': full text not confirmed by an official source',
    {
      nl: ': volledige tekst niet bevestigd door een officiële bron',
      fr: ' : texte complet non confirmé par une source officielle',
      en: ': full text not confirmed by an official source',
    },
  ],
  [
    'amount: not confirmed by an official source',
    {
      nl: 'bedrag: niet bevestigd door een officiële bron',
      fr: 'montant : non confirmé par une source officielle',
      en: 'amount: not confirmed by an official source',
    },
  ],
  [
    ': not confirmed by an official source',
    {
      nl: ': niet bevestigd door een officiële bron',
      fr: ' : non confirmé par une source officielle',
      en: ': not confirmed by an official source',
    },
  ],
  [
    'Not confirmed by an official source',
    {
      nl: 'Niet bevestigd door een officiële bron',
      fr: 'Non confirmé par une source officielle',
      en: 'Not confirmed by an official source',
    },
  ],
  [
    'not confirmed by an official source',
    {
      nl: 'niet bevestigd door een officiële bron',
      fr: 'non confirmé par une source officielle',
      en: 'not confirmed by an official source',
    },
  ],
  [
    'amount of the year before kept',
    {
      nl: 'bedrag van het jaar ervoor behouden',
      fr: "montant de l'année précédente maintenu",
      en: 'amount of the year before kept',
    },
  ],
  [
    'indexed amount from',
    { nl: 'geïndexeerd bedrag vanaf', fr: 'montant indexé à partir du', en: 'indexed amount from' },
  ],
  ['EUR from', { nl: 'EUR vanaf', fr: 'EUR à partir du', en: 'EUR from' }],
  ['in force from', { nl: 'in werking vanaf', fr: 'en vigueur à partir du', en: 'in force from' }],
  [
    'Concept note on economic migration (Flemish Government,',
    {
      nl: 'Conceptnota economische migratie (Vlaamse Regering,',
      fr: 'Note conceptuelle sur la migration économique (Gouvernement flamand,',
      en: 'Concept note on economic migration (Flemish Government,',
    },
  ],
  [
    'principle approval',
    { nl: 'principiële goedkeuring', fr: 'approbation de principe', en: 'principle approval' },
  ],
  [
    'BVR amending ',
    {
      nl: 'Besluit van de Vlaamse Regering tot wijziging van het ',
      fr: 'Arrêté du Gouvernement flamand modifiant l’',
      en: 'Flemish Government Decree amending the ',
    },
  ],
  // Free movement of workers (the grounds of WORK_AUTHORISATION_NOT_REQUIRED).
  ['Art. 45 TFEU', { nl: 'art. 45 VWEU', fr: 'art. 45 TFUE', en: 'Art. 45 TFEU' }],
  [
    'Regulation (EU) No 492/2011',
    {
      nl: 'Verordening (EU) nr. 492/2011',
      fr: 'Règlement (UE) n° 492/2011',
      en: 'Regulation (EU) No 492/2011',
    },
  ],
  [
    '(EEA Joint Committee)',
    { nl: '(Gemengd Comité van de EER)', fr: '(Comité mixte de l’EEE)', en: '(EEA Joint Committee)' },
  ],
  ['EEA Agreement', { nl: 'EER-Overeenkomst', fr: 'Accord EEE', en: 'EEA Agreement' }],
  [
    'EU–Swiss Agreement on the free movement of persons',
    {
      nl: 'Overeenkomst tussen de EU en Zwitserland over het vrije verkeer van personen',
      fr: 'Accord entre l’UE et la Suisse sur la libre circulation des personnes',
      en: 'EU–Swiss Agreement on the free movement of persons',
    },
  ],
  ['and Annex I', { nl: 'en bijlage I', fr: 'et annexe I', en: 'and Annex I' }],
  [
    'Withdrawal Agreement',
    { nl: 'Terugtrekkingsakkoord', fr: 'Accord de retrait', en: 'Withdrawal Agreement' },
  ],
  [
    ': Union law applies until',
    {
      nl: ': het Unierecht geldt tot',
      fr: ' : le droit de l’Union s’applique jusqu’au',
      en: ': Union law applies until',
    },
  ],
  [
    'as amended with effect from',
    {
      nl: 'zoals gewijzigd met ingang van',
      fr: 'tel que modifié à partir du',
      en: 'as amended with effect from',
    },
  ],
  ['as amended', { nl: 'zoals gewijzigd', fr: 'tel que modifié', en: 'as amended' }],
  ['in force', { nl: 'in werking', fr: 'en vigueur', en: 'in force' }],
  [
    'Code of Economic Law, book III, title 2',
    {
      nl: 'Wetboek van economisch recht, boek III, titel 2',
      fr: 'Code de droit économique, livre III, titre 2',
      en: 'Code of Economic Law, book III, title 2',
    },
  ],
  ['(KBO)', { nl: '(KBO)', fr: '(BCE)', en: '(Crossroads Bank for Enterprises)' }],
  [
    'Crossroads Bank for Social Security',
    {
      nl: 'Kruispuntbank van de Sociale Zekerheid',
      fr: 'Banque-Carrefour de la Sécurité sociale',
      en: 'Crossroads Bank for Social Security',
    },
  ],
  [
    'ministerial migration list',
    {
      nl: 'ministeriële migratielijst',
      fr: 'liste ministérielle de migration',
      en: 'ministerial migration list',
    },
  ],
  [
    'ministers of recognised religions',
    {
      nl: 'bedienaars van erkende erediensten',
      fr: 'ministres des cultes reconnus',
      en: 'ministers of recognised religions',
    },
  ],
  [
    'professional athletes',
    { nl: 'betaalde sportbeoefenaars', fr: 'sportifs rémunérés', en: 'professional athletes' },
  ],
  [
    'performing artists',
    { nl: 'schouwspelartiesten', fr: 'artistes de spectacle', en: 'performing artists' },
  ],
  [
    'fraud, falsified statements, unlawfully obtained data',
    {
      nl: 'fraude, valse verklaringen, onrechtmatig verkregen gegevens',
      fr: 'fraude, déclarations falsifiées, données obtenues illégalement',
      en: 'fraud, falsified statements, unlawfully obtained data',
    },
  ],
  // The withdrawal grounds of the 2018 decree (src/rules/withdrawal-grounds.ts).
  [
    'employer set up or operating mainly to bring in foreign workers, or without real economic activity',
    {
      nl: 'werkgever opgericht of actief vooral om buitenlandse werknemers te laten overkomen, of zonder werkelijke economische activiteit',
      fr: 'employeur créé ou actif principalement pour faire venir des travailleurs étrangers, ou sans activité économique réelle',
      en: 'employer set up or operating mainly to bring in foreign workers, or without real economic activity',
    },
  ],
  [
    'employment contrary to public order, public security, the law or international agreements',
    {
      nl: 'tewerkstelling in strijd met de openbare orde, de openbare veiligheid, de wet of internationale overeenkomsten',
      fr: "occupation contraire à l'ordre public, à la sécurité publique, à la loi ou aux conventions internationales",
      en: 'employment contrary to public order, public security, the law or international agreements',
    },
  ],
  [
    'legal obligations of the employer, pay and working conditions included',
    {
      nl: 'wettelijke verplichtingen van de werkgever, loon en arbeidsvoorwaarden inbegrepen',
      fr: "obligations légales de l'employeur, y compris la rémunération et les conditions de travail",
      en: 'legal obligations of the employer, pay and working conditions included',
    },
  ],
  [
    'special conditions of the authorisation',
    {
      nl: 'bijzondere voorwaarden van de toelating',
      fr: "conditions particulières de l'autorisation",
      en: 'special conditions of the authorisation',
    },
  ],
  [
    'bankruptcy, manifest insolvency or judicial reorganisation of the employer or its directors',
    {
      nl: 'faillissement, kennelijk onvermogen of gerechtelijke reorganisatie van de werkgever of zijn bestuurders',
      fr: "faillite, insolvabilité manifeste ou réorganisation judiciaire de l'employeur ou de ses administrateurs",
      en: 'bankruptcy, manifest insolvency or judicial reorganisation of the employer or its directors',
    },
  ],
  ['indexation', { nl: 'indexering', fr: 'indexation', en: 'indexation' }],
  ['directive (EU)', { nl: 'richtlijn (EU)', fr: 'directive (UE)', en: 'Directive (EU)' }],
  [
    'a complete application',
    { nl: 'een volledige aanvraag', fr: 'une demande complète', en: 'a complete application' },
  ],
  [
    'VKS 1–2 functions excluded from the single permit, seasonal work excepted',
    {
      nl: 'functies op VKS 1–2 uitgesloten van de gecombineerde vergunning, behalve seizoensarbeid',
      fr: 'fonctions de niveau VKS 1–2 exclues du permis unique, sauf le travail saisonnier',
      en: 'VKS 1–2 functions excluded from the single permit, seasonal work excepted',
    },
  ],
  ['Constitution, art.', { nl: 'Grondwet, art.', fr: 'Constitution, art.', en: 'Constitution, Art.' }],
  [
    'VKS 1–2 functions excluded, seasonal work excepted',
    {
      nl: 'functies op VKS 1–2 uitgesloten, behalve seizoensarbeid',
      fr: 'fonctions de niveau VKS 1–2 exclues, sauf le travail saisonnier',
      en: 'VKS 1–2 functions excluded, seasonal work excepted',
    },
  ],
  [
    'service policy of the Dienst Economische Migratie',
    {
      nl: 'beleid van de Dienst Economische Migratie',
      fr: 'politique du Service Migration économique',
      en: 'service policy of the Dienst Economische Migratie',
    },
  ],
  [
    'policy parameter of the service',
    {
      nl: 'beleidsparameter van de dienst',
      fr: 'paramètre de politique du service',
      en: 'policy parameter of the service',
    },
  ],
  // The pay floor of medium-skilled work (pay-floor.ts).
  [
    'CAO no. 43 of',
    { nl: 'cao nr. 43 van', fr: 'CCT n° 43 du', en: 'Collective Labour Agreement No. 43 of' },
  ],
  [
    '(GGMMI)',
    {
      nl: '(gewaarborgd gemiddeld minimum maandinkomen)',
      fr: '(revenu minimum mensuel moyen garanti)',
      en: '(guaranteed average minimum monthly income)',
    },
  ],
  ['retributie from', { nl: 'retributie vanaf', fr: 'redevance à partir du', en: 'fee from' }],
  ['hoofdstuk', { nl: 'hoofdstuk', fr: 'chapitre', en: 'chapter' }],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DATE = `(\\d{1,2}) (${MONTH_PATTERN})\\.? (\\d{4})`;
const DATE_RE = new RegExp(`\\b${DATE}\\b`, 'gi');
const ISO_DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const INSTRUMENT_RES = INSTRUMENTS.map(
  ([name, words]) =>
    [new RegExp(`\\b${escapeRegExp(name)}(?= \\d{1,2} [A-Za-z]{3,9}\\.? \\d{4})`, 'g'), words] as const,
);
const PHRASE_RES = PHRASES.map(([phrase, words]) => [new RegExp(escapeRegExp(phrase), 'g'), words] as const);

export function renderLegalBasis(citation: string, lang: Lang): string {
  let text = citation;
  for (const [pattern, words] of PHRASE_RES) text = text.replace(pattern, words[lang]);
  // "BVR 7 Dec 2018" → "Besluit van de Vlaamse Regering van 7 Dec 2018" (the date is written next).
  for (const [pattern, words] of INSTRUMENT_RES) {
    const [name, linking] = words[lang];
    text = text.replace(pattern, `${name} ${linking}`);
  }
  text = text.replace(DATE_RE, (_, day: string, month: string, year: string) =>
    writeDate(day, MONTH_INDEX.get(month.toLowerCase()) ?? 0, year, lang),
  );
  text = text.replace(ISO_DATE_RE, (_, year: string, month: string, day: string) =>
    writeDate(day, Number(month) - 1, year, lang),
  );
  if (lang === 'en') text = text.replace(/\bart\. /g, 'Art. ');
  return text;
}
