// A small argument parser for the concord command: positionals, --flag value, --flag=value,
// repeatable --set, boolean flags. Unknown flags are errors that list the allowed ones.
import { CliError } from './load';

export interface Parsed {
  positionals: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  spec: { value: string[]; bool: string[] },
  command: string,
): Parsed {
  const out: Parsed = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (spec.bool.includes(name)) {
      out.flags.set(name, ['true']);
      continue;
    }
    if (!spec.value.includes(name)) {
      const allowed = [...spec.value, ...spec.bool].map((f) => `--${f}`).join(', ');
      throw new CliError(
        `concord ${command}: unknown option --${name} (allowed: ${allowed || 'none'})`,
        2,
      );
    }
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new CliError(`concord ${command}: --${name} needs a value`, 2);
    out.flags.set(name, [...(out.flags.get(name) ?? []), v]);
  }
  return out;
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
