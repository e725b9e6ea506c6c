// Node-side loading: read a scenario file, apply --set assignments, validate, and read the
// Natural Earth atlas it names from world-atlas. Every failure is a CliError with one clear line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { applyAssignments, PathError } from '../scenario/paths';
import { formatProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { parseJsonText, validateScenario } from '../scenario/validate';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const require = createRequire(import.meta.url);
const atlasCache = new Map<string, unknown>();

export function loadAtlas(atlas: '50m' | '10m'): unknown {
  let t = atlasCache.get(atlas);
  if (!t) {
    t = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${atlas}.json`), 'utf8'));
    atlasCache.set(atlas, t);
  }
  return t;
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code})`, 2);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new CliError(formatProblems(file, parsed.problems), 2);
  return parsed.value;
}

export function loadScenarioFile(file: string, assignments: readonly string[] = []): Scenario {
  const raw = readJsonFile(file);
  try {
    applyAssignments(raw, assignments);
  } catch (e) {
    if (e instanceof PathError) throw new CliError(e.message, 2);
    throw e;
  }
  const result = validateScenario(raw);
  if (!result.ok) throw new CliError(formatProblems(file, result.problems), 2);
  return result.value;
}
