import type { Lang } from '../../i18n/languages.ts';
import type { RefusalGroundCode, WithdrawalOnlyGroundCode } from '../../rules/index.ts';

/**
 * The statement of a refusal ground in a letter when the case handler chose it without the rules
 * having found it (no facts to quote): the condition the application does not meet, in general
 * terms. The case handler's written motivation, printed below the grounds, gives the facts.
 * Every ground code has its sentence in every language, or this does not compile.
 */
export const GROUND_STATEMENTS: Record<Lang, Record<RefusalGroundCode, string>> = {
  nl: {
    NOT_COMPETENT_REGION: 'De arbeidsplaats ligt niet in het Vlaamse Gewest; Vlaanderen is niet bevoegd.',
    QUALIFICATION_TOO_LOW: 'Het kwalificatieniveau van de werknemer bereikt het vereiste minimum niet.',
    FUNCTION_NOT_HIGHLY_SKILLED: 'De functie is geen hooggeschoolde functie.',
    SALARY_BELOW_THRESHOLD: 'Het brutojaarloon bereikt de loondrempel van deze categorie niet.',
    CONTRACT_TOO_SHORT: 'De arbeidsovereenkomst is korter dan de vereiste minimumduur.',
    NOT_ON_MIGRATION_LIST: 'De functie staat niet op de migratielijst van middengeschoolde knelpuntberoepen.',
    NOT_ON_SHORTAGE_LIST: 'De functie staat niet op de knelpuntberoepenlijst van de VDAB.',
    LOW_SKILLED_FUNCTION_EXCLUDED: 'Laaggeschoolde functies zijn uitgesloten in deze categorie.',
    VACANCY_PUBLICATION_INSUFFICIENT:
      'De vacature werd niet lang genoeg bekendgemaakt via de vereiste kanalen (arbeidsmarktonderzoek).',
    WORKER_ALREADY_IN_BELGIUM:
      'De werknemer verblijft al in België, terwijl een eerste aanvraag in deze categorie alleen kan zolang de werknemer in het buitenland is.',
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM:
      'De werkgever is niet in België gevestigd, wat deze categorie vereist.',
    EMPLOYMENT_FRACTION_TOO_LOW: 'De tewerkstellingsbreuk ligt onder het vereiste minimum.',
    SEASONAL_DURATION_EXCEEDED: 'De seizoenstewerkstelling duurt langer dan toegelaten.',
    ICT_CONDITIONS_NOT_MET: 'De voorwaarden voor een overplaatsing binnen een onderneming zijn niet vervuld.',
    EMPLOYER_EXCLUDED: 'De werkgever is uitgesloten wegens een sanctie.',
    FALSE_DOCUMENTS: 'Er werden valse of onrechtmatig verkregen documenten voorgelegd.',
    EMPLOYER_ALMOST_ONLY_NON_EU:
      'De werkgever stelt (bijna) uitsluitend werknemers van buiten de Europese Unie te werk.',
    EMPLOYER_ACTS_AS_HUB:
      'De werkgever treedt op als doorgeefluik: de werknemers met een toelating verlaten de onderneming kort na hun aankomst.',
    HOSTING_AGREEMENT_REQUIRED:
      'Er is geen gastovereenkomst met een erkende onderzoeksinstelling voorgelegd.',
    CULT_NOT_RECOGNISED: 'De eredienst is in België niet erkend.',
    WORK_AUTHORISATION_NOT_REQUIRED:
      'De werknemer heeft geen toelating tot arbeid nodig (Belg, of onderdaan van de EU, de EER of Zwitserland).',
    FUNCTION_ABOVE_MEDIUM_SKILLED:
      "De functie overstijgt het middengeschoolde niveau waartoe de categorie 'overige' beperkt is.",
    LABOUR_MARKET_SEARCH_TO_JUDGE:
      'De werkgever heeft niet aangetoond dat hij actief en doelgericht naar geschikte kandidaten op de binnenlandse en Europese arbeidsmarkt heeft gezocht.',
    LOW_SKILLED_RENEWAL_TO_JUDGE:
      'Laaggeschoolde functies zijn sinds 2026 uitgesloten en de hernieuwing kan niet worden toegestaan.',
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: 'Er werd niet aangetoond dat er een tekort is aan bedienaars.',
    INTEGRATION_TEST_NOT_PASSED:
      'Er werd geen bewijs van een geslaagde inburgerings- en taaltest voorgelegd.',
    PAY_BELOW_MINIMUM:
      'Het loon bereikt het gewaarborgd gemiddeld minimum maandinkomen of de sectorale loonschaal niet, naar verhouding van de tewerkstelling.',
  },
  fr: {
    NOT_COMPETENT_REGION:
      "Le lieu de travail n'est pas situé en Région flamande ; la Flandre n'est pas compétente.",
    QUALIFICATION_TOO_LOW: "Le niveau de qualification du travailleur n'atteint pas le minimum requis.",
    FUNCTION_NOT_HIGHLY_SKILLED: "La fonction n'est pas une fonction hautement qualifiée.",
    SALARY_BELOW_THRESHOLD: "Le salaire annuel brut n'atteint pas le seuil salarial de cette catégorie.",
    CONTRACT_TOO_SHORT: 'Le contrat de travail est plus court que la durée minimale requise.',
    NOT_ON_MIGRATION_LIST:
      'La fonction ne figure pas sur la liste de migration des métiers en pénurie de qualification moyenne.',
    NOT_ON_SHORTAGE_LIST: 'La fonction ne figure pas sur la liste des métiers en pénurie du VDAB.',
    LOW_SKILLED_FUNCTION_EXCLUDED: 'Les fonctions peu qualifiées sont exclues dans cette catégorie.',
    VACANCY_PUBLICATION_INSUFFICIENT:
      "L'offre d'emploi n'a pas été publiée assez longtemps par les canaux requis (examen du marché du travail).",
    WORKER_ALREADY_IN_BELGIUM:
      "Le travailleur séjourne déjà en Belgique, alors qu'une première demande dans cette catégorie n'est possible que tant qu'il se trouve à l'étranger.",
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM:
      "L'employeur n'est pas établi en Belgique, ce que cette catégorie exige.",
    EMPLOYMENT_FRACTION_TOO_LOW: "La fraction d'occupation est inférieure au minimum requis.",
    SEASONAL_DURATION_EXCEEDED: "L'occupation saisonnière dure plus longtemps qu'autorisé.",
    ICT_CONDITIONS_NOT_MET: "Les conditions d'un transfert temporaire intragroupe ne sont pas remplies.",
    EMPLOYER_EXCLUDED: "L'employeur est exclu en raison d'une sanction.",
    FALSE_DOCUMENTS: 'Des documents faux ou obtenus de manière illicite ont été produits.',
    EMPLOYER_ALMOST_ONLY_NON_EU:
      "L'employeur occupe (presque) exclusivement des travailleurs ressortissants de pays hors de l'Union européenne.",
    EMPLOYER_ACTS_AS_HUB:
      "L'employeur sert de plaque tournante : les travailleurs autorisés quittent l'entreprise peu après leur arrivée.",
    HOSTING_AGREEMENT_REQUIRED:
      "Aucune convention d'accueil avec un organisme de recherche agréé n'a été produite.",
    CULT_NOT_RECOGNISED: "Le culte n'est pas reconnu en Belgique.",
    WORK_AUTHORISATION_NOT_REQUIRED:
      "Le travailleur n'a pas besoin d'autorisation de travail (Belge, ou ressortissant de l'UE, de l'EEE ou de la Suisse).",
    FUNCTION_ABOVE_MEDIUM_SKILLED:
      'La fonction dépasse le niveau moyennement qualifié auquel la catégorie « autres » est limitée.',
    LABOUR_MARKET_SEARCH_TO_JUDGE:
      "L'employeur n'a pas démontré avoir recherché activement et de manière ciblée des candidats appropriés sur les marchés du travail belge et européen.",
    LOW_SKILLED_RENEWAL_TO_JUDGE:
      'Les fonctions peu qualifiées sont exclues depuis 2026 et le renouvellement ne peut être accordé.',
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: "Il n'a pas été démontré qu'il existe une pénurie de ministres.",
    INTEGRATION_TEST_NOT_PASSED:
      "Aucune preuve de réussite d'un test d'intégration et de langue n'a été fournie.",
    PAY_BELOW_MINIMUM:
      "Le salaire n'atteint pas le revenu minimum mensuel moyen garanti ou le barème sectoriel, au prorata de l'occupation.",
  },
  en: {
    NOT_COMPETENT_REGION: 'The workplace is not in the Flemish Region; Flanders is not competent.',
    QUALIFICATION_TOO_LOW: "The worker's qualification level does not reach the required minimum.",
    FUNCTION_NOT_HIGHLY_SKILLED: 'The function is not a highly skilled function.',
    SALARY_BELOW_THRESHOLD: 'The gross annual salary does not reach the salary threshold of this category.',
    CONTRACT_TOO_SHORT: 'The employment contract is shorter than the required minimum duration.',
    NOT_ON_MIGRATION_LIST:
      'The function is not on the migration list of medium-skilled shortage occupations.',
    NOT_ON_SHORTAGE_LIST: "The function is not on VDAB's shortage-occupation list.",
    LOW_SKILLED_FUNCTION_EXCLUDED: 'Low-skilled functions are excluded in this category.',
    VACANCY_PUBLICATION_INSUFFICIENT:
      'The vacancy was not published long enough through the required channels (labour-market test).',
    WORKER_ALREADY_IN_BELGIUM:
      'The worker already stays in Belgium, while a first application in this category is only possible while the worker is abroad.',
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM:
      'The employer is not established in Belgium, which this category requires.',
    EMPLOYMENT_FRACTION_TOO_LOW: 'The employment fraction is below the required minimum.',
    SEASONAL_DURATION_EXCEEDED: 'The seasonal employment lasts longer than allowed.',
    ICT_CONDITIONS_NOT_MET: 'The conditions of an intra-corporate transfer are not met.',
    EMPLOYER_EXCLUDED: 'The employer is excluded because of a sanction.',
    FALSE_DOCUMENTS: 'False or unlawfully obtained documents were submitted.',
    EMPLOYER_ALMOST_ONLY_NON_EU:
      'The employer employs (almost) exclusively workers from outside the European Union.',
    EMPLOYER_ACTS_AS_HUB:
      'The employer acts as a gateway: workers with a permit leave the enterprise soon after their arrival.',
    HOSTING_AGREEMENT_REQUIRED: 'No hosting agreement with a recognised research institution was submitted.',
    CULT_NOT_RECOGNISED: 'The religion is not recognised in Belgium.',
    WORK_AUTHORISATION_NOT_REQUIRED:
      'The worker needs no work authorisation (a Belgian, or a national of the EU, the EEA or Switzerland).',
    FUNCTION_ABOVE_MEDIUM_SKILLED:
      "The function is above the medium-skilled level to which the 'other' category is limited.",
    LABOUR_MARKET_SEARCH_TO_JUDGE:
      'The employer has not shown an active and targeted search for suitable candidates on the Belgian and European labour markets.',
    LOW_SKILLED_RENEWAL_TO_JUDGE:
      'Low-skilled functions are excluded since 2026 and the renewal cannot be granted.',
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: 'A shortage of ministers has not been shown.',
    INTEGRATION_TEST_NOT_PASSED: 'No proof of a passed integration and language test was provided.',
    PAY_BELOW_MINIMUM:
      'The pay does not reach the guaranteed average minimum monthly income or the sector pay scale, pro rata to the employment.',
  },
};

/** The statement of a withdrawal ground that is not a refusal ground (withdrawal-grounds.ts), per language. */
export const WITHDRAWAL_ONLY_STATEMENTS: Record<Lang, Record<WithdrawalOnlyGroundCode, string>> = {
  nl: {
    SHAM_EMPLOYER:
      'De onderneming werd vooral opgericht of werkt vooral om buitenlandse werknemers binnen te brengen, of heeft geen reële economische activiteit.',
    EMPLOYMENT_AGAINST_PUBLIC_ORDER:
      'De tewerkstelling is strijdig met de openbare orde, de openbare veiligheid, de wet of internationale overeenkomsten.',
    EMPLOYER_OBLIGATIONS_NOT_MET:
      'De werkgever komt zijn wettelijke verplichtingen niet na, loon- en arbeidsvoorwaarden inbegrepen.',
    AUTHORISATION_CONDITIONS_NOT_MET:
      'De bijzondere voorwaarden van de toelating worden niet meer nageleefd.',
    EMPLOYER_INSOLVENT:
      'De werkgever of een bestuurder is failliet, kennelijk onvermogend of in gerechtelijke reorganisatie.',
  },
  fr: {
    SHAM_EMPLOYER:
      "L'entreprise a été créée ou fonctionne principalement pour faire entrer des travailleurs étrangers, ou n'a pas d'activité économique réelle.",
    EMPLOYMENT_AGAINST_PUBLIC_ORDER:
      "L'occupation est contraire à l'ordre public, à la sécurité publique, à la loi ou aux accords internationaux.",
    EMPLOYER_OBLIGATIONS_NOT_MET:
      "L'employeur ne respecte pas ses obligations légales, conditions de rémunération et de travail comprises.",
    AUTHORISATION_CONDITIONS_NOT_MET:
      "Les conditions particulières de l'autorisation ne sont plus respectées.",
    EMPLOYER_INSOLVENT:
      "L'employeur ou un administrateur est en faillite, en état d'insolvabilité notoire ou en réorganisation judiciaire.",
  },
  en: {
    SHAM_EMPLOYER:
      'The enterprise was set up or operates mainly to bring in foreign workers, or has no real economic activity.',
    EMPLOYMENT_AGAINST_PUBLIC_ORDER:
      'The employment is contrary to public order, public security, the law or international agreements.',
    EMPLOYER_OBLIGATIONS_NOT_MET:
      'The employer does not meet its legal obligations, pay and working conditions included.',
    AUTHORISATION_CONDITIONS_NOT_MET: 'The special conditions of the authorisation are no longer met.',
    EMPLOYER_INSOLVENT:
      'The employer or a director is bankrupt, manifestly insolvent or in judicial reorganisation.',
  },
};

/** The statement of any withdrawal ground in `lang`. */
export function withdrawalGroundStatement(lang: Lang, code: string): string {
  return (
    (WITHDRAWAL_ONLY_STATEMENTS[lang] as Record<string, string>)[code] ??
    (GROUND_STATEMENTS[lang] as Record<string, string>)[code] ??
    code
  );
}
