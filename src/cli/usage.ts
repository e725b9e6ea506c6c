// What each subcommand takes, shown by `concord <command> --help` (exit 0) and, for the whole
// command, by `concord --help` and after a wrong number of arguments.
import { LIMITS_USAGE } from './limits-flags';

export const COMMANDS = [
  'run',
  'validate',
  'compare',
  'sweep',
  'merge',
  'replay',
  'serve',
  'schema',
  'bench',
] as const;
export type Command = (typeof COMMANDS)[number];

const SYNOPSIS: Record<Command, string> = {
  run: 'concord run <scenario.json> [--seed N] [--days D | --ticks T] [--set path=value]… [--events out.ndjson] [--json]',
  validate: 'concord validate <file>',
  compare:
    'concord compare <scenario.json> --set path=value… [--seeds N] [--days D] [--level L] [--json]',
  sweep:
    'concord sweep <experiment.json> [--workers N] [--shard i/n] [--out results.csv] [--parquet] [--quiet]',
  merge: 'concord merge <shard.csv>… --out all.csv [--parquet]',
  replay: 'concord replay <session.concord.json | journal.ndjson> [--json]',
  serve:
    'concord serve [--port 4400] [--host 127.0.0.1] [--data DIR] [--app DIR] [--public-url URL] [--shard i/n]',
  schema: 'concord schema [--experiment]',
  bench: 'concord bench [--quick]',
};

const DETAIL: Record<Command, string> = {
  run: `Runs a scenario once and prints a summary.
  --seed N          random seed (default 1)
  --days D          simulated days (default: the scenario's durationDays)
  --ticks T         simulated ticks instead of days
  --set path=value  a declared parameter (sharingLatencyMin=120) or a path
                    (units.<id>.count=4); repeatable
  --events FILE     write the event log as NDJSON
  --json            one JSON object: {scenario, seed, ticks, hash, metrics, breakdown}`,
  validate: `Checks a scenario or an experiment file and prints "ok", or every problem as
"file: path: message", one a line (exit 2).`,
  compare: `Paired runs of the scenario as written and with the --set changes, on common random
numbers; the mean difference of every metric with its confidence interval.
  --set path=value  the change to compare (at least one; repeatable)
  --seeds N         pairs of runs (default 20)
  --days D          simulated days of each run
  --level L         confidence level of the intervals (default 0.95; e.g. 0.9, 0.99)
  --json            the result as JSON`,
  sweep: `Runs every design point × seed of an experiment in worker threads; one CSV row per run,
progress on stderr. Rerun the same command to resume an interrupted sweep.
  --workers N       worker threads (default: the available cores)
  --shard i/n       run the i-th of n shares (merge them with concord merge)
  --out FILE        the results CSV (default <experiment id>.csv)
  --parquet         also the results and time series as Parquet (<base>.parquet, …)
  --quiet           no progress`,
  merge: `Joins shard outputs of one sweep into one file; refuses gaps and doubles.
  --out FILE        the joined CSV (required)
  --parquet         also the joined results and time series as Parquet`,
  replay: `Replays a saved exercise session (or a classroom room's journal) headless and checks
every state hash it recorded (exit 4 when one differs).
  --json            the result as JSON`,
  serve: `Serves the built app and hosts classroom rooms over WebSocket: one authoritative engine
per room, each device seeing only its role's view, every order journaled to disk before it
is acknowledged. Rooms come back after a restart. Build the app first (npm run build).
  --port N          the port (default 4400)
  --host ADDR       the address to listen on (default 127.0.0.1, this machine only;
                    0.0.0.0 serves the LAN and prints the address to give the students)
  --data DIR        where rooms are kept (default ./concord-data)
  --app DIR         the built app (default dist/)
  --public-url URL  the address students use when a TLS reverse proxy stands in front
  --shard i/n       the i-th of n processes behind one proxy: its room codes start with
                    its own letters, so the proxy routes /ws/<code> to it (docs/CLASSROOM.md)`,
  schema: `Prints the scenario JSON Schema.
  --experiment      the experiment file's schema instead`,
  bench: `Throughput figures as JSON lines.
  --quick           a short run`,
};

/** Commands whose files can be big take the --max-… limit flags. */
const TAKES_LIMITS: ReadonlySet<Command> = new Set([
  'run',
  'validate',
  'compare',
  'sweep',
  'replay',
]);

export const EXIT_CODES =
  'exit codes: 0 done, 1 internal error, 2 bad input, 3 file not readable or writable, 4 a replay differs, 130 interrupted, 143 terminated';

export const USAGE = `concord — coalition operations simulator

usage:
${COMMANDS.map((c) => `  ${SYNOPSIS[c]}`).join('\n')}
  concord <command> --help

${LIMITS_USAGE}
${EXIT_CODES}
`;

export function commandUsage(command: Command): string {
  const limits = TAKES_LIMITS.has(command) ? `\n${LIMITS_USAGE}` : '';
  return `usage: ${SYNOPSIS[command]}\n\n${DETAIL[command]}\n${limits}\n${EXIT_CODES}\n`;
}

export const isCommand = (c: string | undefined): c is Command =>
  (COMMANDS as readonly string[]).includes(c ?? '');
