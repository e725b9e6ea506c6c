// Development aid: paired runs of a scenario with and without an assignment, printing each seed's metric difference.
import { loadAtlas, loadScenarioFile } from '../src/node/load';
import { buildDef } from '../src/sim/build';
import { Session } from '../src/sim/session';

const [file, assignment, metric, seedsText, daysText] = process.argv.slice(2);
const seeds = Number(seedsText ?? 10);
const base = loadScenarioFile(file!);
const alt = loadScenarioFile(file!, [assignment!]);
const atlas = loadAtlas(base.geography.atlas);
const defA = buildDef(base, atlas);
const defB = buildDef(alt, atlas);
const diffs: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const a = new Session(base, atlas, seed, defA);
  const b = new Session(alt, atlas, seed, defB);
  const ticks = daysText ? Math.round((Number(daysText) * 1440) / base.tickMinutes) : a.totalTicks;
  a.runTo(ticks);
  b.runTo(ticks);
  const ma = a.metrics() as Record<string, number>;
  const mb = b.metrics() as Record<string, number>;
  diffs.push(mb[metric!]! - ma[metric!]!);
  console.log(seed, ma[metric!]!.toFixed(3), mb[metric!]!.toFixed(3));
}
const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
const sd = Math.sqrt(diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / (diffs.length - 1));
console.log(`mean diff ${mean.toFixed(3)} ± ${((1.96 * sd) / Math.sqrt(diffs.length)).toFixed(3)}`);
