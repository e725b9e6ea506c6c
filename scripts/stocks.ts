// Development aid: minimum base stock (share of capacity) over a run, per base, and the events that move stocks.
import { loadAtlas, loadScenarioFile } from '../src/node/load';
import { Session } from '../src/sim/session';

const sc = loadScenarioFile(process.argv[2]!);
const s = new Session(sc, loadAtlas(sc.geography.atlas), Number(process.argv[3] ?? 7));
const { def } = s;
const minF = new Float64Array(def.nBases).fill(1);
const minS = new Float64Array(def.nBases).fill(1);
while (s.tick < s.totalTicks) {
  s.step(1);
  for (let b = 0; b < def.nBases; b++) {
    minF[b] = Math.min(minF[b]!, s.world.s.bFuel[b]! / (def.bCapFuel[b]! || 1));
    minS[b] = Math.min(minS[b]!, s.world.s.bSup[b]! / (def.bCapSup[b]! || 1));
  }
}
for (let b = 0; b < def.nBases; b++) {
  const users = s.world.log.events.filter((e) => e.k === 'resupply' && e.base === b).length;
  console.log(
    def.baseIds[b]!.padEnd(22),
    'minFuel',
    minF[b]!.toFixed(2),
    'minSup',
    minS[b]!.toFixed(2),
    'resupplies',
    users,
    'cap',
    def.bCapFuel[b],
    def.bCapSup[b],
  );
}
const kinds: Record<string, number> = {};
for (const e of s.world.log.events) kinds[e.k] = (kinds[e.k] ?? 0) + 1;
console.log(kinds);
