/**
 * The fixed material the synthetic population is drawn from: common names per nationality, real
 * postal codes, sectors with their joint committee, ISCO functions. Real values where the rules
 * depend on them (postal code → region, ISCO code → shortage list); everything else only looks real.
 */

const list = (text: string) => text.split(',').map((item) => item.trim());

export interface NamePool {
  male: string[];
  female: string[];
  family: string[];
}

export const NAMES: Readonly<Record<string, NamePool>> = {
  BE: {
    male: list('Jan, Pieter, Luc, Koen, Tom, Wim, Bart, Stijn, Jonas, Lucas, Arne, Thomas, Maarten, Dirk'),
    female: list('An, Els, Sofie, Lotte, Emma, Marie, Katrien, Liesbeth, Sarah, Hanne, Nele, Fien, Ine'),
    family: list(
      'Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, Dubois, ' +
        'Lambert, Dupont, Vermeulen, Hermans, Van den Broeck, Verhoeven, Michiels, Pauwels, De Backer',
    ),
  },
  NL: {
    male: list('Daan, Sem, Bram, Ruben, Jeroen, Niels'),
    female: list('Anouk, Femke, Sanne, Lieke, Marloes'),
    family: list('de Jong, Jansen, de Vries, van Dijk, Bakker, Visser, Smit'),
  },
  PL: {
    male: list('Piotr, Krzysztof, Tomasz, Marek, Paweł, Michał'),
    female: list('Anna, Katarzyna, Magdalena, Agnieszka, Joanna'),
    family: list('Nowak, Wójcik, Kowalczyk, Mazur, Krawczyk, Zając'),
  },
  RO: {
    male: list('Andrei, Mihai, Alexandru, Ionuț, Florin, Cristian'),
    female: list('Elena, Ioana, Andreea, Maria, Gabriela'),
    family: list('Popescu, Ionescu, Popa, Dumitru, Stan, Munteanu'),
  },
  IN: {
    male: list('Rahul, Arjun, Vikram, Suresh, Amit, Rohan, Karthik'),
    female: list('Priya, Ananya, Deepika, Sneha, Lakshmi, Kavya'),
    family: list('Sharma, Patel, Reddy, Nair, Iyer, Gupta, Singh, Kumar, Rao, Menon'),
  },
  MA: {
    male: list('Mohamed, Youssef, Ahmed, Hamza, Karim, Mehdi, Anas'),
    female: list('Fatima, Khadija, Salma, Imane, Nadia, Yasmina'),
    family: list('El Amrani, Benali, Bouzid, El Idrissi, Tahiri, Alaoui, Berrada, Chakir'),
  },
  TR: {
    male: list('Mehmet, Mustafa, Emre, Burak, Ahmet, Murat'),
    female: list('Ayşe, Elif, Zeynep, Fatma, Esra'),
    family: list('Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın'),
  },
  PH: {
    male: list('Jose, Mark, John Paul, Paolo, Carlo, Rommel'),
    female: list('Maria, Kristine, Angelica, Jasmine, Rowena'),
    family: list('Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Dela Cruz, Villanueva'),
  },
  UA: {
    male: list('Oleksandr, Andrii, Dmytro, Serhii, Mykola, Ivan'),
    female: list('Olena, Iryna, Nataliia, Oksana, Yuliia, Kateryna'),
    family: list('Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boiko'),
  },
  BR: {
    male: list('João, Pedro, Lucas, Gabriel, Rafael, Thiago'),
    female: list('Ana, Juliana, Camila, Fernanda, Beatriz'),
    family: list('Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida'),
  },
  CN: {
    male: list('Wei, Hao, Jun, Lei, Jian, Ming'),
    female: list('Fang, Li, Na, Mei, Xiu, Ying'),
    family: list('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao'),
  },
  US: {
    male: list('James, Michael, Robert, David, William, Daniel'),
    female: list('Jennifer, Emily, Sarah, Jessica, Ashley'),
    family: list('Smith, Johnson, Williams, Brown, Jones, Miller, Davis'),
  },
  NG: {
    male: list('Chinedu, Oluwaseun, Emeka, Tunde, Ibrahim'),
    female: list('Ngozi, Chiamaka, Funmilayo, Aisha, Adaeze'),
    family: list('Okafor, Adeyemi, Okonkwo, Balogun, Eze, Abubakar'),
  },
};

export const EU_NATIONALITIES: readonly string[] = ['BE', 'NL', 'PL', 'RO'];

/** Nationalities of the population with relative weights: Belgians first, then the larger non-EU groups. */
export const NATIONALITY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['BE', 40],
  ['NL', 4],
  ['PL', 4],
  ['RO', 4],
  ['IN', 8],
  ['MA', 8],
  ['TR', 7],
  ['PH', 5],
  ['UA', 5],
  ['BR', 4],
  ['CN', 3],
  ['US', 4],
  ['NG', 4],
];

export interface Place {
  postalCode: string;
  municipality: string;
}

const places = (text: string): Place[] =>
  list(text).map((entry) => {
    const [postalCode = '', ...rest] = entry.split(' ');
    return { postalCode, municipality: rest.join(' ') };
  });

export const FLEMISH_PLACES = places(
  '9000 Gent, 2000 Antwerpen, 2018 Antwerpen, 2060 Antwerpen, 3000 Leuven, 8000 Brugge, 3500 Hasselt, ' +
    '2800 Mechelen, 9300 Aalst, 8500 Kortrijk, 2300 Turnhout, 3600 Genk, 9100 Sint-Niklaas, 8400 Oostende, ' +
    '1800 Vilvoorde, 2500 Lier, 9200 Dendermonde, 8800 Roeselare, 3300 Tienen, 2440 Geel, 1500 Halle, ' +
    '9700 Oudenaarde, 8900 Ieper, 3800 Sint-Truiden, 1930 Zaventem, 2900 Schoten, 9050 Gentbrugge, 2650 Edegem',
);
export const BRUSSELS_PLACES = places(
  '1000 Brussel, 1030 Schaarbeek, 1050 Elsene, 1080 Sint-Jans-Molenbeek, 1200 Sint-Lambrechts-Woluwe',
);
export const WALLOON_PLACES = places(
  '4000 Liège, 5000 Namur, 6000 Charleroi, 7000 Mons, 1300 Wavre, 1400 Nivelles',
);

export const DUTCH_STREETS = list(
  'Kerkstraat, Stationsstraat, Dorpsstraat, Molenstraat, Nieuwstraat, Schoolstraat, Industrieweg, ' +
    'Kouter, Veldstraat, Brugsesteenweg, Kortrijksesteenweg, Ambachtenlaan, Hoogstraat, Zandstraat',
);
export const FRENCH_STREETS = list(
  "Rue de la Station, Rue de l'Église, Chaussée de Louvain, Avenue Louise, Rue Haute, Rue du Moulin, Zoning Nord",
);

export interface Sector {
  naceCode: string;
  jointCommittee: string;
  /** The first word of an enterprise name in this sector. */
  nameWord: string;
  legalForms: readonly string[];
  /** Manual workers (wage code 495) or white-collar workers (015) in DmfA. */
  manual: boolean;
  monthlyWage: readonly [number, number];
  iscoCodes: readonly string[];
  /** Occasional workers (Dimona EXT) are allowed in hospitality, agriculture and horticulture. */
  occasionalWork: boolean;
}

export const SECTORS: readonly Sector[] = [
  {
    naceCode: '10711',
    jointCommittee: '118.03',
    nameWord: 'Bakkerij',
    legalForms: ['BV', 'COMMV', 'EENMANSZAAK'],
    manual: true,
    monthlyWage: [2_300, 3_200],
    iscoCodes: ['7512', '9412', '5223'],
    occasionalWork: false,
  },
  {
    naceCode: '56101',
    jointCommittee: '302',
    nameWord: 'Restaurant',
    legalForms: ['BV', 'VOF'],
    manual: true,
    monthlyWage: [2_200, 3_000],
    iscoCodes: ['5120', '5131', '9412'],
    occasionalWork: true,
  },
  {
    naceCode: '41201',
    jointCommittee: '124',
    nameWord: 'Bouwbedrijf',
    legalForms: ['BV', 'NV'],
    manual: true,
    monthlyWage: [2_600, 3_800],
    iscoCodes: ['7112', '7115', '7126', '7411'],
    occasionalWork: false,
  },
  {
    naceCode: '49410',
    jointCommittee: '140.03',
    nameWord: 'Transport',
    legalForms: ['BV', 'NV'],
    manual: true,
    monthlyWage: [2_500, 3_500],
    iscoCodes: ['8332', '8322'],
    occasionalWork: false,
  },
  {
    naceCode: '62010',
    jointCommittee: '200',
    nameWord: 'Software',
    legalForms: ['BV', 'NV'],
    manual: false,
    monthlyWage: [3_400, 6_500],
    iscoCodes: ['2512', '2514', '2521'],
    occasionalWork: false,
  },
  {
    naceCode: '87101',
    jointCommittee: '330',
    nameWord: 'Zorgcentrum',
    legalForms: ['VZW'],
    manual: false,
    monthlyWage: [2_700, 4_200],
    iscoCodes: ['2221', '5321'],
    occasionalWork: false,
  },
  {
    naceCode: '01130',
    jointCommittee: '145',
    nameWord: 'Tuinbouw',
    legalForms: ['BV', 'EENMANSZAAK'],
    manual: true,
    monthlyWage: [2_100, 2_700],
    iscoCodes: ['6111', '9211'],
    occasionalWork: true,
  },
  {
    naceCode: '81210',
    jointCommittee: '121',
    nameWord: 'Schoonmaak',
    legalForms: ['BV', 'NV'],
    manual: true,
    monthlyWage: [2_100, 2_600],
    iscoCodes: ['9112'],
    occasionalWork: false,
  },
  {
    naceCode: '25620',
    jointCommittee: '111',
    nameWord: 'Metaalbewerking',
    legalForms: ['BV', 'NV'],
    manual: true,
    monthlyWage: [2_700, 3_900],
    iscoCodes: ['7212', '7223'],
    occasionalWork: false,
  },
  {
    naceCode: '70220',
    jointCommittee: '200',
    nameWord: 'Consultancy',
    legalForms: ['BV', 'NV', 'CV'],
    manual: false,
    monthlyWage: [3_500, 7_000],
    iscoCodes: ['2421', '2411'],
    occasionalWork: false,
  },
];

/** ISCO-08 functions the vacancies use, with whether VDAB lists them as shortage functions (a simulation). */
/** `escoId`: the ESCO occupation VDAB and EURES publish the vacancy under (an id of data/esco). */
export const FUNCTIONS: ReadonlyArray<{
  iscoCode: string;
  title: string;
  usuallyShortage: boolean;
  escoId: string;
}> = [
  {
    iscoCode: '7512',
    title: 'Bakker',
    usuallyShortage: true,
    escoId: '1aadb308-432a-4d01-b54b-b4f7f76dd419',
  },
  {
    iscoCode: '9412',
    title: 'Keukenhulp',
    usuallyShortage: false,
    escoId: 'e1cf6897-158d-4b48-a39e-2a3a8cac216c',
  },
  {
    iscoCode: '5223',
    title: 'Winkelbediende',
    usuallyShortage: false,
    escoId: '0b15375e-dfdd-4047-9efb-096e0aaee7d2',
  },
  { iscoCode: '5120', title: 'Kok', usuallyShortage: true, escoId: '90f75f67-495d-49fa-ab57-2f320e251d7e' },
  {
    iscoCode: '5131',
    title: 'Kelner',
    usuallyShortage: true,
    escoId: 'd5db9d5c-2ebf-4a54-a79a-1b7e7ff70471',
  },
  {
    iscoCode: '7112',
    title: 'Metselaar',
    usuallyShortage: true,
    escoId: '05f321f8-055b-407d-bf19-e0ddabda56b7',
  },
  {
    iscoCode: '7115',
    title: 'Schrijnwerker',
    usuallyShortage: true,
    escoId: '2a22ff9e-de3b-408d-b312-5034896cc4f4',
  },
  {
    iscoCode: '7126',
    title: 'Loodgieter',
    usuallyShortage: true,
    escoId: 'ed3cf43d-c2c1-4c46-82fc-1375e27e0290',
  },
  {
    iscoCode: '7411',
    title: 'Elektricien',
    usuallyShortage: true,
    escoId: '4910419f-b4af-4f59-b544-9dbebc8a74f0',
  },
  {
    iscoCode: '8332',
    title: 'Vrachtwagenchauffeur',
    usuallyShortage: true,
    escoId: '45037d43-a8f5-4f46-b332-b2935bc305f4',
  },
  {
    iscoCode: '8322',
    title: 'Bestelwagenchauffeur',
    usuallyShortage: false,
    escoId: '0c408028-c48f-4df8-ba5d-c3d3be15f5a2',
  },
  {
    iscoCode: '2512',
    title: 'Softwareontwikkelaar',
    usuallyShortage: true,
    escoId: 'f2b15a0e-e65a-438a-affb-29b9d50b77d1',
  },
  {
    iscoCode: '2514',
    title: 'Applicatieontwikkelaar',
    usuallyShortage: true,
    escoId: 'bd272aee-adc9-4a06-a15c-a73b4b4a46a7',
  },
  {
    iscoCode: '2521',
    title: 'Databankbeheerder',
    usuallyShortage: false,
    escoId: '8c57af09-719c-42b3-be40-6ed4946236cc',
  },
  {
    iscoCode: '2221',
    title: 'Verpleegkundige',
    usuallyShortage: true,
    escoId: '8d3e8aaa-791b-4c75-a465-f3f827028f50',
  },
  {
    iscoCode: '5321',
    title: 'Zorgkundige',
    usuallyShortage: true,
    escoId: 'd38c2107-98f2-47b7-8bb4-f69750d51082',
  },
  {
    iscoCode: '6111',
    title: 'Groenteteler',
    usuallyShortage: false,
    escoId: 'f5e80af5-eebe-4133-878a-5dc5ef34fe93',
  },
  {
    iscoCode: '9211',
    title: 'Seizoenarbeider tuinbouw',
    usuallyShortage: false,
    escoId: '373db468-bd25-4b67-a6e0-4ac79d9a9e85',
  },
  {
    iscoCode: '9112',
    title: 'Schoonmaker',
    usuallyShortage: false,
    escoId: '303a1e34-cb16-4054-b323-81e5eec17397',
  },
  {
    iscoCode: '7212',
    title: 'Lasser',
    usuallyShortage: true,
    escoId: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  },
  {
    iscoCode: '7223',
    title: 'CNC-operator',
    usuallyShortage: true,
    escoId: '5c082067-ea18-4ccb-8c43-e70b18ad8120',
  },
  {
    iscoCode: '2421',
    title: 'Bedrijfsanalist',
    usuallyShortage: false,
    escoId: '60082a99-d8ef-4e84-9290-78902681b6ed',
  },
  {
    iscoCode: '2411',
    title: 'Accountant',
    usuallyShortage: true,
    escoId: 'eda0d957-3c3c-4139-b89a-a18bc9e18897',
  },
];

export const DIPLOMAS = list(
  'Bachelor of Engineering, Bachelor of Science in Nursing, Master of Computer Applications, ' +
    'Bachelor of Commerce, Diploma in Hotel Management, Master of Business Administration, ' +
    'Technician Diploma in Welding, Bachelor of Technology',
);
