// Node-side loading: read a scenario file, apply --set assignments, validate, and read the
// Natural Earth atlas it names from world-atlas. Every failure is a CliError with one clear line.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_LIMITS, type Limits, overLimit } from '../scenario/limits';
import { applyAssignments, PathError } from '../scenario/paths';
import { formatProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { parseJsonText, validateScenario } from '../scenario/validate';
import { buildDef, ScenarioGeoError } from '../sim/build';
import { describeFsError, EXIT_IO, isFsError } from './io-error';

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

/** Reads a file's text, refusing one over the size limit before reading it. */
export function readTextFile(file: string, limits: Limits): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${file}: no such file`, 2);
    if (isFsError(e)) throw new CliError(`${file}: ${describeFsError(e)}`, EXIT_IO);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory; expected a JSON file`, 2);
    if (st.size > limits.fileMb * 1e6)
      throw new CliError(
        `${file}: ${overLimit('fileMb', `${(st.size / 1e6).toFixed(1)} MB`, limits.fileMb, ' MB')}`,
        2,
      );
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (isFsError(e)) throw new CliError(`${file}: ${describeFsError(e)}`, EXIT_IO);
    throw e;
  } finally {
    closeSync(fd);
  }
}

export function readJsonFile(file: string, limits: Limits = DEFAULT_LIMITS): unknown {
  const parsed = parseJsonText(readTextFile(file, limits));
  if (!parsed.ok) throw new CliError(formatProblems(file, parsed.problems), 2);
  return parsed.value;
}

export function loadScenarioFile(
  file: string,
  assignments: readonly string[] = [],
  limits: Limits = DEFAULT_LIMITS,
): Scenario {
  return scenarioFromDoc(file, readJsonFile(file, limits), assignments, limits);
}

/** Applies the assignments to a parsed document (mutating it) and validates it. */
export function scenarioFromDoc(
  file: string,
  raw: unknown,
  assignments: readonly string[] = [],
  limits: Limits = DEFAULT_LIMITS,
): Scenario {
  try {
    applyAssignments(raw, assignments);
  } catch (e) {
    if (e instanceof PathError) throw new CliError(`${file}: ${e.message}`, 2);
    throw e;
  }
  const result = validateScenario(raw, limits);
  if (!result.ok) throw new CliError(formatProblems(file, result.problems), 2);
  return result.value;
}

/**
 * The checks only the map can make (a zone that covers no grid cell, a lane across land, a
 * base far from land): the world is built once, as a run would build it, so a file that
 * validates also loads.
 */
export function checkGeography(file: string, scenario: Scenario): void {
  try {
    buildDef(scenario, loadAtlas(scenario.geography.atlas));
  } catch (e) {
    if (e instanceof ScenarioGeoError) throw new CliError(`${file}: ${e.message}`, 2);
    throw e;
  }
}
