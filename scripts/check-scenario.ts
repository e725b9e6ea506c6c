// Development aid: validates a scenario file and prints its problems (the CLI's validate does the same).
import { readFileSync } from 'node:fs';
import { formatProblems } from '../src/scenario/problems';
import { parseJsonText, validateScenario } from '../src/scenario/validate';

const file = process.argv[2] ?? '';
const parsed = parseJsonText(readFileSync(file, 'utf8'));
const result = parsed.ok ? validateScenario(parsed.value) : parsed;
if (result.ok) console.log('ok');
else {
  console.log(formatProblems(file, result.problems));
  process.exitCode = 2;
}
