// The concord command's arguments, read by node:util's parseArgs: positionals, --flag value,
// --flag=value, repeatable value flags (--set), boolean flags, and --help/-h on every command.
// Errors are one line that names the argument and what is allowed (exit 2).
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../node/load';

export interface Parsed {
  positionals: string[];
  flags: Map<string, string[]>;
}

/** `concord <command> --help`: main prints the command's usage on stdout and exits 0. */
export class HelpRequest extends Error {
  constructor(readonly command: string) {
    super(`help for ${command}`);
  }
}

export function parseArgs(
  argv: readonly string[],
  spec: { value: readonly string[]; bool: readonly string[] },
  command: string,
): Parsed {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const v of spec.value) options[v] = { type: 'string', multiple: true };
  for (const b of spec.bool) options[b] = { type: 'boolean' };
  // A value flag takes the next argument whatever it looks like (--seed -1 is then refused as
  // a seed, not as an unknown option): node's parser would call a dash ambiguous.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name !== undefined && spec.value.includes(name) && i + 1 < argv.length)
      args.push(`${a}=${argv[++i]}`);
    else args.push(a);
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = nodeParseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw argError(e, spec, command);
  }
  if (values.help) throw new HelpRequest(command);
  const out: Parsed = { positionals, flags: new Map() };
  for (const [name, v] of Object.entries(values)) {
    if (v === undefined || name === 'help') continue;
    out.flags.set(name, Array.isArray(v) ? v.map(String) : ['true']);
  }
  return out;
}

/** node:util's parse errors, reworded: the flag, and what is allowed. */
function argError(
  e: unknown,
  spec: { value: readonly string[]; bool: readonly string[] },
  command: string,
): unknown {
  const err = e as { code?: string; message?: string };
  const flag = /'(-{1,2}[^'\s=]+)/.exec(err.message ?? '')?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const allowed = [...spec.value, ...spec.bool, 'help'].map((f) => `--${f}`).join(', ');
      return new CliError(`concord ${command}: unknown option ${flag} (allowed: ${allowed})`, 2);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CliError(
        spec.bool.includes(flag.replace(/^-+/, '')) || flag === '--help' || flag === '-h'
          ? `concord ${command}: ${flag} takes no value`
          : `concord ${command}: ${flag} needs a value`,
        2,
      );
    default:
      return e;
  }
}

export function intFlag(
  p: Parsed,
  name: string,
  command: string,
  min: number,
  max: number,
): number | undefined {
  const v = p.flags.get(name)?.at(-1);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new CliError(
      `concord ${command}: --${name} found "${v}"; allowed: a whole number from ${min} to ${max}`,
      2,
    );
  }
  return Number(v);
}

export function numFlag(
  p: Parsed,
  name: string,
  command: string,
  min: number,
  max: number,
): number | undefined {
  const v = p.flags.get(name)?.at(-1);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new CliError(
      `concord ${command}: --${name} found "${v}"; allowed: a number from ${min} to ${max}`,
      2,
    );
  }
  return n;
}

/** `--shard i/n` (1 ≤ i ≤ n ≤ max); absent: the whole, 1/1. */
export function parseShard(
  text: string | undefined,
  max = Number.MAX_SAFE_INTEGER,
): { index: number; count: number } {
  if (text === undefined) return { index: 1, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count || count > max)
    throw new CliError(
      `--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/8${max < Number.MAX_SAFE_INTEGER ? ` (n at most ${max})` : ''}`,
      2,
    );
  return { index, count };
}
