// Named random streams per system, derived from the run's seed. Each system draws only from
// its own stream, so adding draws to one system never shifts another's. States are plain
// data and go into checkpoints.
import seedrandom from 'seedrandom';

export const streamNames = [
  'injects',
  'threats',
  'units',
  'sensing',
  'info',
  'command',
  'engagement',
  'logistics',
  'politics',
  'traffic',
] as const;
export type StreamName = (typeof streamNames)[number];

/** A stream: call it for a uniform draw in [0, 1); state() saves it. */
export interface Rng {
  (): number;
  state(): object;
}
export type Streams = Record<StreamName, Rng>;
export type StreamStates = Record<StreamName, object>;

/** The largest seed: every integer seed up to it prints and parses exactly (2^53 − 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export function makeStreams(seed: number): Streams {
  const out = {} as Streams;
  for (const name of streamNames)
    out[name] = seedrandom.alea(`${seed}:${name}`, { state: true }) as unknown as Rng;
  return out;
}

export function saveStreams(s: Streams): StreamStates {
  const out = {} as StreamStates;
  for (const name of streamNames) out[name] = s[name].state();
  return out;
}

export function restoreStreams(states: StreamStates): Streams {
  const out = {} as Streams;
  for (const name of streamNames)
    out[name] = seedrandom.alea('', { state: states[name] as never }) as unknown as Rng;
  return out;
}

/** Poisson draw (Knuth for small means, normal approximation above 30). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const u1 = rng() || 1e-12;
    const u2 = rng();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
