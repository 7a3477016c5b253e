/**
 * The function level (VKS, `job.requiredVks`) Loket proposes once an occupation is chosen, derived
 * from its ISCO-08 code. Only a proposal: the employer sees it filled in and may change it, and the
 * rules judge whatever level is declared.
 *
 * Step 1, ISCO-08 code → ISCO skill level: ILO, International Standard Classification of
 * Occupations ISCO-08, vol. 1 (2012), §4 and Table 2 "Mapping of ISCO-08 major groups to skill
 * levels": major group 1 (managers) level 4, except sub-major group 14 (hospitality, retail and
 * other services managers) level 3; 2 (professionals) level 4; 3 (technicians and associate
 * professionals) level 3; 4–8 level 2; 9 (elementary occupations) level 1; armed forces by
 * sub-major group: 01 commissioned officers level 4, 02 non-commissioned officers level 2,
 * 03 other ranks level 1.
 *
 * Step 2, ISCO skill level → VKS: the skill levels are defined by ISCED-97 education levels
 * (Table 1: level 1 ≈ ISCED 1, level 2 ≈ ISCED 2–4, level 3 ≈ ISCED 5b, level 4 ≈ ISCED 5a–6).
 * The Flemish qualification structure (VKS, decree of 30 April 2009 betreffende de
 * kwalificatiestructuur) has eight levels referenced to the EQF: VKS 1–2 basic, 3–4 secondary
 * (4: secondary-school diploma), 5 graduaat (short tertiary), 6 bachelor, 7 master, 8 doctorate.
 * Hence level 1 → VKS 1–2, level 2 → VKS 3–4, level 3 → VKS 5, level 4 → VKS 6–7 (VKS 8 is never
 * proposed: few functions require a doctorate). The form fills the range's lowest level, the
 * level the function ordinarily starts from.
 */
export type IscoSkillLevel = 1 | 2 | 3 | 4;

export interface VksProposal {
  readonly iscoSkillLevel: IscoSkillLevel;
  readonly min: number;
  readonly max: number;
  /** The level the form fills in: the range's lowest. */
  readonly proposed: number;
}

const VKS_BY_SKILL_LEVEL: Record<IscoSkillLevel, readonly [number, number]> = {
  1: [1, 2],
  2: [3, 4],
  3: [5, 5],
  4: [6, 7],
};

const ISCO_CODE = /^[0-9]{2,4}$/;

/** The ISCO skill level of an ISCO-08 group (2 to 4 digits), or null for anything else. */
export function iscoSkillLevel(iscoCode: string): IscoSkillLevel | null {
  if (!ISCO_CODE.test(iscoCode)) return null;
  const subMajor = iscoCode.slice(0, 2);
  switch (iscoCode[0]) {
    case '0':
      return subMajor === '01' ? 4 : subMajor === '02' ? 2 : subMajor === '03' ? 1 : null;
    case '1':
      return subMajor === '14' ? 3 : 4;
    case '2':
      return 4;
    case '3':
      return 3;
    case '9':
      return 1;
    default:
      return 2; // major groups 4 to 8
  }
}

export function proposeVks(iscoCode: string): VksProposal | null {
  const level = iscoSkillLevel(iscoCode);
  if (level === null) return null;
  const [min, max] = VKS_BY_SKILL_LEVEL[level];
  return { iscoSkillLevel: level, min, max, proposed: min };
}
