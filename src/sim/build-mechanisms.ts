// Coordination mechanisms at load: joint centres become member-to-member channels appended to
// the agreements (so messages, metrics and the map treat them alike); liaison offices attach to
// every agreement between their pair; frameworks, training and dialogues get dense indices.
import type { Scenario } from '../scenario/schema';
import { MECH, THREAT_KIND_INDEX } from './codes';
import { hoursToTick, scenarioHours } from './time';
import type {
  AgreementDef,
  CentreDef,
  Def,
  DialogueDef,
  FrameworkDef,
  LiaisonDef,
  MechanismDef,
  TrainingDef,
} from './world';

export type MechanismParts = Pick<
  Def,
  'mechanisms' | 'centres' | 'centreRelay' | 'liaisons' | 'frameworks' | 'trainings' | 'dialogues'
>;

export function scopeBits(scope: 'all' | ReadonlyArray<keyof typeof THREAT_KIND_INDEX>): number {
  return scope === 'all' ? 0xff : scope.reduce((m, k) => m | (1 << THREAT_KIND_INDEX[k]), 0);
}

/** Builds the mechanisms and appends joint centres' channels to `agreements` (mutated). */
export function buildMechanisms(
  sc: Scenario,
  agreements: AgreementDef[],
  actorOf: (id: string) => number,
  xy: (p: readonly [number, number]) => [number, number],
): MechanismParts {
  const ticks = (min: number) => Math.max(1, Math.ceil(min / sc.tickMinutes));
  const mechanisms: MechanismDef[] = [];
  const add = (id: string, kind: number, index: number) => {
    mechanisms.push({ id, kind, index });
    return mechanisms.length - 1;
  };
  const centres = sc.jointCentres.map((c, k): CentreDef => {
    const members = c.members.map(actorOf);
    const [x, y] = xy(c.position);
    const channels: number[] = [];
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        channels.push(agreements.length);
        agreements.push({
          id: `${c.id}:${c.members[i]}-${c.members[j]}`,
          from: members[i]!,
          to: members[j]!,
          bidirectional: true,
          scope: scopeBits(c.scope),
          latencyTicks: ticks(c.latencyMin),
          reliability: c.reliability,
          ceiling: c.classificationCeiling,
          centre: k,
          liaisons: [],
          withholding: c.withholding,
        });
      }
    return {
      id: c.id,
      mech: add(c.id, MECH.centre, k),
      host: actorOf(c.host),
      members,
      x,
      y,
      channels,
    };
  });
  const nA = sc.actors.length;
  const centreRelay = new Uint8Array(nA * nA);
  for (const c of centres)
    for (const m of c.members)
      for (let src = 0; src < nA; src++)
        if (!c.members.includes(src)) centreRelay[m * nA + src] = 1;
  const liaisons = sc.liaisonOffices.map(
    (l, k): LiaisonDef => ({
      id: l.id,
      mech: add(l.id, MECH.liaison, k),
      a: actorOf(l.from),
      b: actorOf(l.to),
      factor: l.latencyFactor,
      trustPerDay: l.trustGainPerDay,
    }),
  );
  for (const ag of agreements)
    liaisons.forEach((l, k) => {
      if ((ag.from === l.a && ag.to === l.b) || (ag.from === l.b && ag.to === l.a))
        ag.liaisons.push(k);
    });
  const frameworks = sc.logisticsFrameworks.map(
    (f, k): FrameworkDef => ({
      id: f.id,
      mech: add(f.id, MECH.framework, k),
      members: f.members.map(actorOf),
    }),
  );
  const trainings = sc.capacityBuilding.map(
    (c, k): TrainingDef => ({
      id: c.id,
      mech: add(c.id, MECH.training, k),
      provider: actorOf(c.provider),
      recipient: actorOf(c.recipient),
      gainPerDay: c.readinessGainPerDay,
      cap: c.readinessCap,
      costPerDay: c.costPerDay,
    }),
  );
  const dialogues = sc.dialogues.map(
    (d, k): DialogueDef => ({
      id: d.id,
      mech: add(d.id, MECH.dialogue, k),
      participants: d.participants.map(actorOf),
      firstTick: hoursToTick(scenarioHours(d.firstAt), sc.tickMinutes),
      everyTicks: Math.max(1, Math.round((d.everyDays * 1440) / sc.tickMinutes)),
      gain: d.trustGain,
      cost: d.costPerMeeting,
    }),
  );
  return { mechanisms, centres, centreRelay, liaisons, frameworks, trainings, dialogues };
}

/** Whether a mechanism is running at the start. */
export function initiallyActive(sc: Scenario): Uint8Array {
  return Uint8Array.from(
    [
      ...sc.jointCentres,
      ...sc.liaisonOffices,
      ...sc.logisticsFrameworks,
      ...sc.capacityBuilding,
      ...sc.dialogues,
    ].map((m) => (m.active ? 1 : 0)),
  );
}
