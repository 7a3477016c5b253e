/**
 * Recruitment pilots (issue 17; docs/talent.md): the stages a participant goes through and the
 * figures of a project's report, as pure functions of its participants. Question 000 of the seeds
 * asks per project how many people took part per year, by education level and country (q2), what
 * was spent (q1), and why a project such as PALIM placed nobody (q4: where candidates drop out).
 */

/** In order: a participant reaches each stage after the one before it. */
export const PILOT_STAGES = [
  'SELECTED',
  'TRAINED',
  'PASSED',
  'MATCHED',
  'PERMIT_FILED',
  'PERMIT_GRANTED',
  'ARRIVED',
  'EMPLOYED_6M',
  'EMPLOYED_12M',
] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];

export const DROP_REASONS = [
  'FAILED_TRAINING',
  'WITHDREW',
  'NO_EMPLOYER',
  'PERMIT_REFUSED',
  'VISA_REFUSED',
  'LEFT_EMPLOYMENT',
  'OTHER',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** The figures a project's record may take from a source; the others are demo values. */
export const SOURCED_FIGURES = [
  'budget',
  'targetParticipants',
  'targetPlaced',
  'dates',
  'selected',
  'trained',
  'passed',
  'placed',
  'spending',
] as const;
export type SourcedFigure = (typeof SOURCED_FIGURES)[number];

export interface ParticipantProgress {
  stage: PilotStage;
  droppedReason: DropReason | null;
  country: string;
  educationVks: number;
  /** The year the participant was selected: the year they count in. */
  year: number;
}

export const stageIndex = (stage: PilotStage): number => PILOT_STAGES.indexOf(stage);

/** A participant is placed once their permit is granted (they may still have to arrive). */
export const isPlaced = (stage: PilotStage): boolean => stageIndex(stage) >= stageIndex('PERMIT_GRANTED');

export type StageChange =
  | { ok: true }
  | { ok: false; rule: 'dropped' | 'notNext' | 'needsDossier' | 'needsGrantedPermit' };

/**
 * Whether a participant at `current` may be recorded at `next`: one stage on at a time (a step the
 * partner did not witness is not recorded), never after leaving the project; a permit stage needs
 * the permit's dossier, and "granted" needs that dossier granted (the decision is Loket's, not the
 * partner's to declare).
 */
export function checkStageChange(
  current: { stage: PilotStage; droppedReason: DropReason | null },
  next: PilotStage,
  permit: { linked: boolean; granted: boolean },
): StageChange {
  if (current.droppedReason !== null) return { ok: false, rule: 'dropped' };
  if (stageIndex(next) !== stageIndex(current.stage) + 1) return { ok: false, rule: 'notNext' };
  if (stageIndex(next) >= stageIndex('PERMIT_FILED') && !permit.linked)
    return { ok: false, rule: 'needsDossier' };
  if (next === 'PERMIT_GRANTED' && !permit.granted) return { ok: false, rule: 'needsGrantedPermit' };
  return { ok: true };
}

export interface FunnelStep {
  stage: PilotStage;
  /** Participants who reached this stage (whether or not they went further). */
  reached: number;
  /** Of those, who left the project at this stage, by reason. */
  droppedHere: Partial<Record<DropReason, number>>;
  /** Who reached it and are still here, neither further nor gone. */
  stillHere: number;
}

/** How far participants got, and where and why they left: the drop-out of question 000 q4. */
export function funnel(participants: readonly ParticipantProgress[]): FunnelStep[] {
  return PILOT_STAGES.map((stage) => {
    const index = stageIndex(stage);
    const reached = participants.filter((p) => stageIndex(p.stage) >= index);
    const atStage = reached.filter((p) => p.stage === stage);
    const droppedHere: Partial<Record<DropReason, number>> = {};
    for (const p of atStage)
      if (p.droppedReason) droppedHere[p.droppedReason] = (droppedHere[p.droppedReason] ?? 0) + 1;
    return {
      stage,
      reached: reached.length,
      droppedHere,
      stillHere: atStage.filter((p) => p.droppedReason === null).length,
    };
  });
}

export interface BreakdownRow {
  year: number;
  country: string;
  educationVks: number;
  participants: number;
  placed: number;
}

/** Participants per year of selection, country and education level (question 000 q2), and placed. */
export function breakdown(participants: readonly ParticipantProgress[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const p of participants) {
    const key = `${p.year}|${p.country}|${p.educationVks}`;
    const row = rows.get(key) ?? {
      year: p.year,
      country: p.country,
      educationVks: p.educationVks,
      participants: 0,
      placed: 0,
    };
    row.participants += 1;
    if (isPlaced(p.stage)) row.placed += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => a.year - b.year || a.country.localeCompare(b.country) || a.educationVks - b.educationVks,
  );
}

/**
 * Where the most participants were lost: the stage with the most departures, or, when nobody left,
 * the furthest stage reached by nobody after the one that holds them (PALIM: all passed, none matched).
 */
export function mainBottleneck(steps: readonly FunnelStep[]): { stage: PilotStage; lost: number } | null {
  let worst: { stage: PilotStage; lost: number } | null = null;
  for (const step of steps) {
    const departed = Object.values(step.droppedHere).reduce((sum, n) => sum + (n ?? 0), 0);
    const lost = departed + step.stillHere;
    if (step.stage === 'EMPLOYED_12M') break;
    if (lost > 0 && (worst === null || lost > worst.lost)) worst = { stage: step.stage, lost };
  }
  return worst;
}
