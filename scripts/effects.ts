// Prints every mechanism and friction effect (tests/effects/catalogue.ts) as a table: mean
// paired difference, 95% CI and whether it has the expected sign. Usage:
//   npx tsx scripts/effects.ts [seeds=30] [name filter]
import { ci95, mean } from '../src/experiment/stats';
import { FRICTIONS, MECHANISMS } from '../tests/effects/catalogue';
import { pairedDiffs } from '../tests/effects/harness';
import { seeds } from '../tests/sim/driver';

const n = Number(process.argv[2] ?? 30);
const filter = process.argv[3] ?? '';
for (const e of [...MECHANISMS, ...FRICTIONS]) {
  if (filter && !e.name.includes(filter)) continue;
  const t0 = performance.now();
  const d = pairedDiffs(e, seeds(Math.max(n, e.seeds ?? 0)));
  const ci = ci95(d);
  const ok = e.direction > 0 ? ci.lo > 0 : ci.hi < 0;
  const f = (v: number) => v.toFixed(3);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${e.name} | ${e.measure} ${e.direction > 0 ? '↑' : '↓'} | ${f(mean(d))} [${f(ci.lo)}, ${f(ci.hi)}] | ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
