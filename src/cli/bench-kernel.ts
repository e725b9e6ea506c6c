// The reference kernel for `concord bench`: the cheapest honest agent loop this machine can
// run — positions in Float64Arrays, one seedrandom alea stream, a random-walk step plus a
// neighbour-free update (fuel burn and refuel) per agent per tick. The engine's agent-updates
// per second are reported beside this kernel's at the same agent count and tick count, so the
// ratio says how far the engine is from a plain typed-array loop.
import seedrandom from 'seedrandom';

export interface KernelRun {
  agents: number;
  ticks: number;
  ms: number;
  /** agents × ticks / seconds. */
  updatesPerS: number;
  /** Sum of the final state, so the work cannot be optimised away (and is deterministic). */
  checksum: number;
}

const BOX_KM = 1000;
const STEP_KM = 2.5;
const FUEL_CAP = 100;
const BURN = 0.7;

/** Runs `agents` random walkers for `ticks` ticks and times the loop (setup excluded). */
export function runKernel(agents: number, ticks: number, seed: number): KernelRun {
  const n = Math.max(1, Math.round(agents));
  const rng = seedrandom.alea(`${seed}:bench-kernel`);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const fuel = new Float64Array(n);
  const moved = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng() * BOX_KM;
    y[i] = rng() * BOX_KM;
    fuel[i] = rng() * FUEL_CAP;
  }
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) {
    for (let i = 0; i < n; i++) {
      // Random-walk step, reflected at the box edges.
      const dx = (rng() - 0.5) * STEP_KM;
      const dy = (rng() - 0.5) * STEP_KM;
      let nx = x[i]! + dx;
      let ny = y[i]! + dy;
      if (nx < 0) nx = -nx;
      else if (nx > BOX_KM) nx = 2 * BOX_KM - nx;
      if (ny < 0) ny = -ny;
      else if (ny > BOX_KM) ny = 2 * BOX_KM - ny;
      x[i] = nx;
      y[i] = ny;
      // Neighbour-free update: distance log, fuel burn, refuel when empty.
      moved[i] = moved[i]! + Math.abs(dx) + Math.abs(dy);
      const f = fuel[i]! - BURN;
      fuel[i] = f > 0 ? f : FUEL_CAP;
    }
  }
  const ms = performance.now() - t0;
  let checksum = 0;
  for (let i = 0; i < n; i++) checksum += x[i]! + y[i]! + fuel[i]! + moved[i]!;
  return {
    agents: n,
    ticks,
    ms,
    updatesPerS: ms > 0 ? (n * ticks) / (ms / 1000) : Number.POSITIVE_INFINITY,
    checksum,
  };
}
