import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 2 in its own categories: "Graag een overzicht, vanaf
 * 2019 tot en met 2021, van aangevraagde en uitgegeven arbeidskaarten in het luik 'werk' voor een
 * tewerkstelling van meer dan 90 dagen … voor de volgende categorieën: beroepssporter, trainer of
 * scheidsrechter; schouwspelartiest; … au-pairjongeren, stagairs en grensarbeiders. Graag opdeling
 * naargelang van de plaats van tewerkstelling." Loket's thirteen categories mapped on the
 * question's ten (src/stats/stats-ids.ts, docs/statistics.md), athletes by their role, and next to
 * the grants of the work part ("uitgegeven"), the residence part the Immigration Office decided on
 * them. Read from the fact table (migration 0029, decision 022).
 */
export const q2QuestionCategories: ReportDefinition = {
  id: 'q2Question',
  question:
    "003 q2: aangevraagde en uitgegeven arbeidskaarten in het luik 'werk' voor een tewerkstelling van meer dan 90 dagen, in de categorieën van de vraag, opgedeeld naar plaats van tewerkstelling, per jaar",
  description: {
    nl: "Hoeveel arbeidskaarten voor meer dan 90 dagen werden aangevraagd en uitgegeven in het luik 'werk', in de tien categorieën van de vraag (sporters gesplitst in speler, trainer en scheidsrechter), per provincie van tewerkstelling, per jaar, en hoe besliste de federale overheid over het verblijf?",
    fr: 'Combien de permis de travail de plus de 90 jours ont été demandés et délivrés dans le volet « travail », dans les dix catégories de la question (sportifs répartis en joueur, entraîneur et arbitre), par province d’occupation, par année, et comment l’autorité fédérale a-t-elle décidé du séjour ?',
    en: "How many work permits for more than 90 days were applied for and issued in the 'work' part, in the question's ten categories (athletes split into player, trainer and referee), per province of employment, per year, and how did the federal office decide on residence?",
  },
  title: {
    nl: 'Aanvragen en uitgegeven arbeidskaarten in de categorieën van de vraag',
    fr: 'Demandes et permis délivrés dans les catégories de la question',
    en: 'Applications and permits issued in the categories of the question',
  },
  definitions: {
    nl: "Bron: de dossiers in Loket, alle voor een tewerkstelling van meer dan 90 dagen (gecombineerde vergunning). Aanvragen tellen in het jaar van indiening; uitgegeven (toekenningen in het luik werk) en de beslissing over het verblijf in het jaar van de beslissing over het luik werk. Verblijf toegekend of geweigerd: de beslissing van de Dienst Vreemdelingenzaken over een toekenning, zodra die bekend is; het verschil met de toekenningen wacht nog op die beslissing. Categorieën: sporters volgens de rol in de aanvraag (speler, trainer, scheidsrechter; 'rol niet opgegeven' als de vraag open bleef); stage = stagiair; opleiding binnen een multinationale groep = overplaatsing binnen een onderneming; 'specifieke functie' en 'functie met structureel tekort' zijn geen categorieën (de functies met structureel tekort zijn de knelpuntberoepen); grensarbeiders worden in geen eigen categorie geregistreerd; de categorieën die de vraag niet noemt (hooggeschoold, leidinggevend, andere, seizoenarbeid, bedienaar van de eredienst) staan samen.",
    fr: 'Source : les dossiers de Loket, tous pour une occupation de plus de 90 jours (permis unique). Les demandes comptent dans l’année d’introduction ; les permis délivrés (autorisations du volet travail) et la décision sur le séjour dans l’année de la décision sur le volet travail. Séjour accordé ou refusé : la décision de l’Office des étrangers sur une autorisation, dès qu’elle est connue ; la différence avec les autorisations attend encore cette décision. Catégories : les sportifs selon le rôle indiqué dans la demande (joueur, entraîneur, arbitre ; « rôle non indiqué » si la question est restée ouverte) ; stage = stagiaire ; formation au sein d’un groupe multinational = transfert intragroupe ; « fonction spécifique » et « fonction en pénurie structurelle » ne sont pas des catégories (les fonctions en pénurie structurelle sont les métiers en pénurie) ; les travailleurs frontaliers ne sont enregistrés dans aucune catégorie propre ; les catégories que la question ne cite pas (hautement qualifiés, cadres, autres, saisonniers, ministres du culte) sont regroupées.',
    en: "Source: the dossiers in Loket, all for employment of more than 90 days (single permit). Applications count in the year of submission; issued (grants of the work part) and the decision on residence in the year of the decision on the work part. Residence granted or refused: the Immigration Office's decision on a grant, once known; the rest of the grants still await it. Categories: athletes by the role in the application (player, trainer, referee; 'role not given' where the question was left open); traineeship = trainee; training within a multinational group = intra-corporate transferee; 'specific function' and 'function in structural shortage' are no categories (the functions in structural shortage are the shortage occupations); frontier workers are registered in no category of their own; the categories the question does not name (highly skilled, executive, other, seasonal, minister of religion) are counted together.",
  },
  layer: 'year',
  rows: 'questionCategory',
  columns: 'province',
  measures: ['applications', 'granted', 'residenceGranted', 'residenceRefused'],
};
