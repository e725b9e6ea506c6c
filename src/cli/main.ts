// The concord command line: run, validate, compare, sweep, merge, replay, serve, schema, bench. Every
// error is one clear line on stderr and a non-zero exit, never a stack trace. Exit codes: 0
// done, 1 internal error (a bug: please report), 2 bad input (arguments, a file's content, a
// limit), 3 a file could not be read or written (permissions, read-only or full disk), 4 a
// replayed session differs from its record, 130 interrupted, 143 terminated.
import { describeFsError, EXIT_IO, isFsError } from '../node/io-error';
import {
  CliError,
  checkGeography,
  loadScenarioFile,
  readJsonFile,
  scenarioFromDoc,
} from '../node/load';
import { ROOM_ALPHABET } from '../remote/protocol';
import type { Limits } from '../scenario/limits';
import { MAX_SEED } from '../sim/rng';
import { HelpRequest, intFlag, numFlag, type Parsed, parseArgs, parseShard } from './args';
import { LIMIT_FLAG_NAMES, limitsFrom } from './limits-flags';
import { COMMANDS, commandUsage, isCommand, USAGE } from './usage';

// Each command's own modules load when it runs (await import): `concord validate` starts
// without parsing the sweep, bench and statistics code.

const LIMITS = LIMIT_FLAG_NAMES;

const shardPair = (s: { index: number; count: number }): [number, number] => [s.index, s.count];

function one(p: Parsed, command: string, what: string): string {
  if (p.positionals.length !== 1)
    throw new CliError(
      `concord ${command}: expected one ${what}, found ${p.positionals.length}\n${isCommand(command) ? commandUsage(command) : USAGE}`,
      2,
    );
  return p.positionals[0]!;
}

async function cmdRun(argv: string[]): Promise<number> {
  const p = parseArgs(
    argv,
    { value: ['seed', 'days', 'ticks', 'set', 'events', ...LIMITS], bool: ['json'] },
    'run',
  );
  const file = one(p, 'run', 'scenario file');
  const { formatSummary, noteLargeRun, runScenario } = await import('./run');
  const seed = intFlag(p, 'seed', 'run', 0, MAX_SEED) ?? 1;
  const days = numFlag(p, 'days', 'run', 0, 365);
  const ticks = intFlag(p, 'ticks', 'run', 0, 525_600);
  if (days !== undefined && ticks !== undefined)
    throw new CliError('concord run: give --days or --ticks, not both', 2);
  const scenario = loadScenarioFile(file, p.flags.get('set') ?? [], limitsFrom(p, 'run'));
  const eventsOut = p.flags.get('events')?.at(-1);
  noteLargeRun(
    'run',
    scenario,
    ticks ?? (days === undefined ? undefined : Math.round((days * 1440) / scenario.tickMinutes)),
  );
  const result = runScenario(scenario, { seed, days, ticks, eventsOut, file });
  if (p.flags.has('json')) {
    process.stdout.write(
      `${JSON.stringify({ scenario: scenario.id, seed, ticks: result.ticks, hash: result.hash, metrics: result.metrics, breakdown: result.breakdown, ...(result.eventsSha256 ? { events: { file: eventsOut, sha256: result.eventsSha256 } } : {}) })}\n`,
    );
  } else {
    process.stdout.write(formatSummary(scenario, seed, result));
  }
  return 0;
}

async function cmdCompare(argv: string[]): Promise<number> {
  const p = parseArgs(
    argv,
    { value: ['seeds', 'days', 'set', 'level', ...LIMITS], bool: ['json'] },
    'compare',
  );
  const file = one(p, 'compare', 'scenario file');
  const { compareScenarios, formatCompare } = await import('./compare');
  const set = p.flags.get('set') ?? [];
  if (!set.length)
    throw new CliError(
      'concord compare: give at least one --set path=value to compare against the scenario as written',
      2,
    );
  const n = intFlag(p, 'seeds', 'compare', 2, 10_000) ?? 20;
  const days = numFlag(p, 'days', 'compare', 0.01, 365);
  const level = numFlag(p, 'level', 'compare', 0.5, 0.9999) ?? 0.95;
  const limits = limitsFrom(p, 'compare');
  const baseline = loadScenarioFile(file, [], limits);
  const variant = loadScenarioFile(file, set, limits);
  const ticks = days === undefined ? undefined : Math.round((days * 1440) / baseline.tickMinutes);
  const seeds = Array.from({ length: n }, (_, i) => i + 1);
  const result = compareScenarios(baseline, variant, set, seeds, ticks, level);
  process.stdout.write(p.flags.has('json') ? `${JSON.stringify(result)}\n` : formatCompare(result));
  return 0;
}

/** An experiment file names a scenario and a design; anything else is read as a scenario. */
function isExperimentDoc(raw: unknown): boolean {
  const d = raw as Record<string, unknown> | null;
  return !!d && typeof d === 'object' && typeof d.scenario === 'string' && 'design' in d;
}

async function cmdValidate(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { value: [...LIMITS], bool: [] }, 'validate');
  const file = one(p, 'validate', 'file');
  const limits: Limits = limitsFrom(p, 'validate');
  const raw = readJsonFile(file, limits);
  if (isExperimentDoc(raw)) {
    const { loadExperimentFile } = await import('./experiment-file');
    const x = loadExperimentFile(file, limits);
    process.stdout.write(`ok (experiment: ${x.runs.length} runs of ${x.scenario.id})\n`);
    return 0;
  }
  checkGeography(file, scenarioFromDoc(file, raw, [], limits));
  process.stdout.write('ok\n');
  return 0;
}

async function cmdSchema(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { value: [], bool: ['experiment'] }, 'schema');
  const { jsonSchemaText } = await import('../scenario/json-schema');
  process.stdout.write(jsonSchemaText(p.flags.has('experiment') ? 'experiment' : 'scenario'));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await cmdRun(rest);
      case 'validate':
        return await cmdValidate(rest);
      case 'schema':
        return await cmdSchema(rest);
      case 'compare':
        return await cmdCompare(rest);
      case 'sweep': {
        const p = parseArgs(
          rest,
          { value: ['workers', 'shard', 'out', ...LIMITS], bool: ['quiet', 'parquet'] },
          'sweep',
        );
        const file = one(p, 'sweep', 'experiment file');
        const { defaultWorkers, runSweep } = await import('./sweep');
        return await runSweep(file, {
          limits: limitsFrom(p, 'sweep'),
          workers: intFlag(p, 'workers', 'sweep', 1, 256) ?? defaultWorkers(),
          shard: parseShard(p.flags.get('shard')?.at(-1)),
          out: p.flags.get('out')?.at(-1),
          quiet: p.flags.has('quiet'),
          parquet: p.flags.has('parquet'),
        });
      }
      case 'merge': {
        const p = parseArgs(rest, { value: ['out'], bool: ['parquet'] }, 'merge');
        const out = p.flags.get('out')?.at(-1);
        if (!out) throw new CliError('concord merge: --out all.csv is required', 2);
        if (!p.positionals.length)
          throw new CliError('concord merge: give the shard CSV files to join', 2);
        return (await import('./merge')).mergeResults(p.positionals, out, p.flags.has('parquet'));
      }
      case 'replay': {
        const p = parseArgs(rest, { value: [...LIMITS], bool: ['json'] }, 'replay');
        const file = one(p, 'replay', 'session file');
        const { replayFile } = await import('./replay');
        return await replayFile(file, p.flags.has('json'), limitsFrom(p, 'replay'));
      }
      case 'serve': {
        const p = parseArgs(
          rest,
          { value: ['port', 'host', 'data', 'app', 'public-url', 'shard'], bool: [] },
          'serve',
        );
        if (p.positionals.length)
          throw new CliError(
            `concord serve: takes no files (found "${p.positionals[0]}")\n${commandUsage('serve')}`,
            2,
          );
        const { serveCommand } = await import('./serve');
        return await serveCommand({
          port: intFlag(p, 'port', 'serve', 0, 65_535) ?? 4400,
          host: p.flags.get('host')?.at(-1) ?? '127.0.0.1',
          data: p.flags.get('data')?.at(-1) ?? 'concord-data',
          app: p.flags.get('app')?.at(-1) ?? null,
          publicUrl: p.flags.get('public-url')?.at(-1) ?? null,
          shard: shardPair(parseShard(p.flags.get('shard')?.at(-1), ROOM_ALPHABET.length)),
        });
      }
      case 'bench': {
        const p = parseArgs(rest, { value: [], bool: ['quick'] }, 'bench');
        const { runBench } = await import('./bench');
        return await runBench({ quick: p.flags.has('quick') });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(
          `concord: unknown command "${command}" (allowed: ${COMMANDS.join(', ')})`,
          2,
        );
    }
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(isCommand(e.command) ? commandUsage(e.command) : USAGE);
      return 0;
    }
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    if (isFsError(e)) {
      process.stderr.write(`concord ${command}: ${describeFsError(e)}\n`);
      return EXIT_IO;
    }
    const err = e as Error;
    process.stderr.write(
      `concord ${command}: internal error: ${err?.message ?? String(e)} (please report this with the command you ran)\n`,
    );
    if (process.env.CONCORD_DEBUG) process.stderr.write(`${err?.stack}\n`);
    return 1;
  }
}
