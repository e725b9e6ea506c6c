// Limits on the work a small file can ask for. A few lines of JSON can describe a world-sized
// grid at 0.5 km, a million units or a million-run sweep; each limit here stops that at
// validation with a message that names the field, the size found, the limit and the flag that
// raises it on purpose (`--max-cells 50000000`). Defaults keep one run under ~1.5 GB.
import { estimateRun } from '../sim/estimate';
import type { Problem } from './problems';
import type { Scenario } from './schema';

export interface Limits {
  /** Bytes of a scenario or experiment file. */
  fileMb: number;
  /** Cells of the geography raster (bbox area / cellKm²). */
  cells: number;
  /** Units after expanding counts. */
  units: number;
  places: number;
  /** Threat cells: every group's cells plus spawn injects. */
  threatCells: number;
  /** Traffic vessels alive at once. */
  vessels: number;
  /** Estimated peak memory of one run. */
  memoryMb: number;
  /** Runs of an experiment: design points × seeds. */
  runs: number;
  /** Random draws a design makes: points × parameters × candidates (best-random-lhs). */
  designDraws: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  fileMb: 32,
  cells: 8_000_000,
  units: 20_000,
  places: 20_000,
  threatCells: 10_000,
  vessels: 50_000,
  memoryMb: 1536,
  runs: 100_000,
  designDraws: 5_000_000,
};

/** The command-line flag that raises each limit. */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  fileMb: '--max-file-mb',
  cells: '--max-cells',
  units: '--max-units',
  places: '--max-places',
  threatCells: '--max-threat-cells',
  vessels: '--max-vessels',
  memoryMb: '--max-memory-mb',
  runs: '--max-runs',
  designDraws: '--max-design-draws',
};

export const fmtCount = (n: number): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 3 : 0 })
    : 'unbounded';

export function overLimit(key: keyof Limits, found: string, limit: number, unit = ''): string {
  return `found ${found}; allowed: at most ${fmtCount(limit)}${unit} (a limit: raise it on purpose with ${LIMIT_FLAGS[key]} N)`;
}

/** Problems of a validated scenario against the limits, each at the field that sets the size. */
export function scenarioLimitProblems(sc: Scenario, limits: Limits = DEFAULT_LIMITS): Problem[] {
  const est = estimateRun(sc);
  const out: Problem[] = [];
  const check = (key: keyof Limits, path: string, n: number, what: string) => {
    if (n > limits[key])
      out.push({ path, message: overLimit(key, `${fmtCount(n)} ${what}`, limits[key]) });
  };
  check(
    'cells',
    'geography.cellKm',
    est.cells,
    `grid cells (geography.bbox at ${sc.geography.cellKm} km cells)`,
  );
  check('units', 'units', est.units, 'units after expanding counts');
  check('places', 'places', est.places, 'places');
  check(
    'threatCells',
    'threats',
    est.threatCells,
    'threat cells (cells of every group and spawn injects)',
  );
  check(
    'vessels',
    'traffic',
    est.vessels,
    'traffic vessels at sea at once (perDay × hours on the route)',
  );
  // Memory only matters once the sizes themselves are allowed: one message, not two.
  if (!out.length && est.bytes > limits.memoryMb * 1e6)
    out.push({
      path: '(root)',
      message: overLimit(
        'memoryMb',
        `an estimated ${fmtCount(est.bytes / 1e6)} MB for one run (${fmtCount(est.cells)} cells, ${fmtCount(est.units)} units, ${fmtCount(est.vessels)} vessels)`,
        limits.memoryMb,
        ' MB',
      ),
    });
  return out;
}
