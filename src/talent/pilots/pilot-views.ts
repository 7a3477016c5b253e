import type { Lang } from '../../i18n/languages.ts';
import { findOccupation } from '../../occupations/occupation-catalogue.ts';
import type { PilotResult } from './pilot-admin.ts';
import {
  breakdown,
  funnel,
  isPlaced,
  mainBottleneck,
  type ParticipantProgress,
  stageIndex,
} from './pilot-model.ts';
import type { Participant, Pilot } from './pilots.repo.ts';

/** The project as every reader sees it: occupations by their ESCO label in the reader's language. */
function projectView(pilot: Pilot, lang: Lang, results: readonly PilotResult[]) {
  return {
    id: pilot.id,
    code: pilot.code,
    name: pilot.name,
    leadOrganisation: pilot.leadOrganisation,
    partnerOrganisations: pilot.partnerOrganisations,
    countries: pilot.countries,
    occupations: pilot.occupationIds.map((id) => ({
      id,
      label: findOccupation(id)?.labels[lang] ?? findOccupation(id)?.labels.nl ?? id,
    })),
    funders: pilot.funders,
    budgetEur: pilot.budgetEur,
    startedOn: pilot.startedOn,
    endedOn: pilot.endedOn,
    targetParticipants: pilot.targetParticipants,
    targetPlaced: pilot.targetPlaced,
    sourcedFigures: pilot.sourcedFigures,
    // What the project reports about itself, each figure with its day (not counted from participants).
    results,
  };
}

export function pilotSummary(
  pilot: Pilot,
  progress: readonly ParticipantProgress[],
  lang: Lang,
  callerPartnerId: string | null,
  results: readonly PilotResult[] = [],
) {
  const steps = funnel(progress);
  return {
    ...projectView(pilot, lang, results),
    // The caller's organisation runs it (a partner's own project, where it records participants).
    runByYou: callerPartnerId !== null && pilot.partnerId === callerPartnerId,
    participants: progress.length,
    passed: steps[stageIndex('PASSED')]?.reached ?? 0,
    placed: progress.filter((p) => isPlaced(p.stage)).length,
    bottleneck: mainBottleneck(steps),
  };
}

export function pilotReport(
  pilot: Pilot,
  progress: readonly ParticipantProgress[],
  spending: ReadonlyArray<{ year: number; funder: string; amountEur: number }>,
  participants: readonly Participant[] | null,
  lang: Lang,
  results: readonly PilotResult[] = [],
  operator: { id: string; name: string } | null = null,
) {
  const steps = funnel(progress);
  return {
    // The operator: the partner organisation whose accounts record the participants.
    pilot: { ...projectView(pilot, lang, results), operator },
    participantCount: progress.length,
    placed: progress.filter((p) => isPlaced(p.stage)).length,
    funnel: steps,
    bottleneck: mainBottleneck(steps),
    breakdown: breakdown(progress),
    spending,
    spentEur: spending.reduce((sum, row) => sum + row.amountEur, 0),
    // Only for the partner that runs the project: its own file references and the permits' status.
    participants:
      participants?.map((p) => ({
        id: p.id,
        reference: p.reference,
        country: p.country,
        educationVks: p.educationVks,
        selectedOn: p.selectedOn,
        stage: p.stage,
        droppedReason: p.droppedReason,
        droppedOn: p.droppedOn,
        dossier: p.dossier ? { number: p.dossier.number, status: p.dossier.status } : null,
      })) ?? null,
  };
}
