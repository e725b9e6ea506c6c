// Prints the engine's numbers beside the closed forms, as the Markdown table in docs/VALIDATION.md.
import { duel, linearLaw, squareLaw } from '../tests/validation/duel';

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
