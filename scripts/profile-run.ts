// Development aid: load and run a scenario once, printing load and run times and the hash (profile with node --cpu-prof --import tsx).
import { loadAtlas, loadScenarioFile } from '../src/node/load';
import { Session } from '../src/sim/session';

const file = process.argv[2]!;
const sc = loadScenarioFile(file);
const t0 = performance.now();
const s = new Session(sc, loadAtlas(sc.geography.atlas), 7);
const t1 = performance.now();
s.runTo(s.totalTicks);
const t2 = performance.now();
console.log(
  'load',
  (t1 - t0).toFixed(0),
  'run',
  (t2 - t1).toFixed(0),
  'units',
  s.def.nUnits,
  'cells',
  s.def.cellCap,
  'vessels',
  s.def.vesselCap,
  'grid',
  s.def.masks.spec.cols,
  s.def.masks.spec.rows,
  s.hash(),
);
