// Prints the engine's numbers beside the closed forms, as the Markdown tables in docs/VALIDATION.md.
import { duel, linearLaw, squareLaw } from '../tests/validation/duel';
import {
  parallelSweep,
  type Row,
  randomSearch,
  wholeZoneSearch,
} from '../tests/validation/search-cases';

const rows: string[] = [
  '| law | A₀ | α /h | B₀ | β /h | time to decision, engine | closed form | survivors A, engine | closed form |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
const cases: Array<['square' | 'linear', number, number, number, number]> = [
  ['square', 100, 0.05, 80, 0.05],
  ['square', 120, 0.02, 60, 0.06],
  ['linear', 100, 0.003, 80, 0.003],
  ['linear', 90, 0.004, 50, 0.006],
];
for (const [law, A0, a, B0, b] of cases) {
  const r = duel(law, A0, a, B0, b);
  const f = law === 'square' ? squareLaw(A0, a, B0, b) : linearLaw(A0, a, B0, b);
  const pct = (x: number, y: number) => `${(((x - y) / y) * 100).toFixed(2)} %`;
  rows.push(
    `| ${law} | ${A0} | ${a} | ${B0} | ${b} | ${r.hours.toFixed(2)} h (${pct(r.hours, f.hours)}) | ${f.hours.toFixed(2)} h | ${r.survivors.toFixed(2)} (${pct(r.survivors, f.survivors)}) | ${f.survivors.toFixed(2)} |`,
  );
}
console.log(rows.join('\n'));

// Search: engine P with its interval beside each closed form, per effort level.
const f3 = (x: number) => x.toFixed(3);
function searchTable(title: string, rows: Row[], laws: Record<string, string>): void {
  const names = Object.keys(laws);
  console.log(`\n${title}\n`);
  console.log(
    `| z = W·v·t/A | t over A | engine P (${rows[0]!.n} runs) | interval | ${names.map((k) => laws[k]).join(' | ')} |`,
  );
  console.log(`| --- | --- | --- | --- |${' --- |'.repeat(names.length)}`);
  for (const r of rows)
    console.log(
      `| ${r.z} | ${r.hours.toFixed(1)} h | ${f3(r.hits / r.n)} | [${f3(r.lo)}, ${f3(r.hi)}] | ${names.map((k) => f3(r.laws[k]!)).join(' | ')} |`,
    );
}
searchTable('Random search, middle of the zone', randomSearch().rows, {
  koopman: 'Koopman 1 − e^−z',
});
searchTable('Random search, whole zone', wholeZoneSearch().rows, {
  koopman: 'Koopman 1 − e^−z',
  waypoint: 'random-waypoint law',
});
const sweep = parallelSweep();
searchTable('Parallel sweep', sweep.rows, { exhaustive: 'exhaustive min(1, z)' });
console.log(
  `\nParallel sweep: ${sweep.efforts.filter((e) => e <= 1 + 1e-9).length} of ${sweep.efforts.length} cells found by full coverage; the last at z = ${f3(Math.max(...sweep.efforts))}.`,
);
