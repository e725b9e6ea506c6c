// One fuzz case: `concord <args>` through the CLI's main(), with stdout and stderr captured,
// and a check that no built-in prototype gained, lost or changed a property.
import { main } from '../../src/cli/main';

const PROTOS: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

function fingerprint(): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [name, p] of PROTOS)
    for (const k of Reflect.ownKeys(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k)!;
      m.set(`${name}.${String(k)}`, d.value ?? d.get);
    }
  return m;
}

const clean = fingerprint();

export interface CaseResult {
  code: number | 'threw';
  out: string;
  err: string;
  /** Prototype properties added, removed or replaced by the case. */
  polluted: string[];
  ms: number;
}

export async function runCase(args: string[]): Promise<CaseResult> {
  let out = '';
  let err = '';
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((c: string | Uint8Array) => {
    out += String(c);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => {
    err += String(c);
    return true;
  }) as typeof process.stderr.write;
  let code: CaseResult['code'];
  const t0 = performance.now();
  try {
    code = await main(args);
  } catch (e) {
    code = 'threw';
    err += (e as Error)?.stack ?? String(e);
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
  const now = fingerprint();
  const polluted = [...new Set([...clean.keys(), ...now.keys()])].filter(
    (k) => clean.get(k) !== now.get(k),
  );
  const ms = performance.now() - t0;
  return { code, out: out.slice(0, 200_000), err: wholeLines(err, 4000), polluted, ms };
}

/** The first `max` characters cut back to a line end: every problem line kept is whole. */
function wholeLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  return cut > 0 ? text.slice(0, cut + 1) : text.slice(0, max);
}
