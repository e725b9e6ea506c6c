// The --max-… flags that raise a limit on purpose (src/scenario/limits.ts): every command that
// reads a scenario or an experiment takes them, and they reach validation, so a big world is
// a choice the user makes, not something a small file can ask for.
import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from '../scenario/limits';
import { numFlag, type Parsed } from './args';

/** Flag names without the dashes, for a command's parse spec. */
export const LIMIT_FLAG_NAMES: readonly string[] = Object.values(LIMIT_FLAGS).map((f) =>
  f.slice(2),
);

export function limitsFrom(p: Parsed, command: string): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_FLAGS) as Array<keyof Limits>) {
    const v = numFlag(p, LIMIT_FLAGS[key].slice(2), command, 0.001, Number.MAX_SAFE_INTEGER);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export const LIMITS_USAGE = `limits (raise one on purpose when a run is meant to be that big):
${(Object.keys(LIMIT_FLAGS) as Array<keyof Limits>)
  .map(
    (k) =>
      `  ${`${LIMIT_FLAGS[k]} N`.padEnd(26)}default ${DEFAULT_LIMITS[k].toLocaleString('en-US')}`,
  )
  .join('\n')}
`;
