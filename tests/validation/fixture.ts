// The shared ground of the validation fixtures: a small box of Niger (50m atlas), Niger as the
// one nation and an organisation of which it is the member. Each fixture adds its own forces.
import { loadAtlas } from '../../src/node/load';
import { validateScenario } from '../../src/scenario/validate';
import { Session } from '../../src/sim/session';

/** The fixtures' ground: [west, south, east, north] in degrees. */
export const NIGER_BOX: [number, number, number, number] = [2.4, 13.6, 3.2, 14.2];

export interface FixtureParts {
  id: string;
  name: string;
  source: string;
  tickMinutes: number;
  durationDays: number;
  cellKm: number;
  /** Where both HQs sit. */
  hq: [number, number];
  readiness?: number;
  rest: Record<string, unknown>;
}

export function nigerSession(p: FixtureParts, seed: number): Session {
  const doc = {
    id: p.id,
    name: p.name,
    meta: { description: 'Validation fixture', sources: [{ title: p.source }] },
    start: '2026-01-01T00:00:00Z',
    tickMinutes: p.tickMinutes,
    durationDays: p.durationDays,
    geography: {
      atlas: '50m',
      bbox: NIGER_BOX,
      cellKm: p.cellKm,
      countries: [{ iso: '562', actor: 'niger' }],
    },
    actors: [
      {
        id: 'niger',
        name: 'Niger',
        kind: 'nation',
        color: '#ff7f0e',
        hq: p.hq,
        decisionLatencyMin: 60,
        ...(p.readiness === undefined ? {} : { readiness: p.readiness }),
      },
      {
        id: 'org',
        name: 'Organisation',
        kind: 'organisation',
        color: '#7f7f7f',
        members: ['niger'],
        hq: p.hq,
        decisionLatencyMin: 60,
      },
    ],
    ...p.rest,
  };
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.problems.map((x) => `${x.path}: ${x.message}`).join('\n'));
  return new Session(v.value, loadAtlas('50m'), seed);
}
