/** ESCO occupations the demo data uses (ids of data/esco), with their Dutch label and ISCO group. */
export const DEMO_OCCUPATIONS = {
  nurseAssistant: '87d0795a-d41f-47ee-979f-0ab7d73836e7', // verpleeghulp, ISCO 5321
  healthcareAssistant: 'd38c2107-98f2-47b7-8bb4-f69750d51082', // zorghulp, ISCO 5321
  generalNurse: '8d3e8aaa-791b-4c75-a465-f3f827028f50', // algemeen verpleegkundige, ISCO 2221
  electrician: '4910419f-b4af-4f59-b544-9dbebc8a74f0', // monteur elektrische installaties, ISCO 7411
  bricklayer: '05f321f8-055b-407d-bf19-e0ddabda56b7', // metselaar, ISCO 7112
  softwareDeveloper: 'f2b15a0e-e65a-438a-affb-29b9d50b77d1', // software ontwikkelaar, ISCO 2512
} as const;
