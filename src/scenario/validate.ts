// Validation entry point: schema, then cross references, then declared parameters.
// Returns a typed scenario or a list of path-named problems; never throws on bad data.
import { jsonErrorOffset } from './json-position';
import { PathError, setPath } from './paths';
import { type Problem, problemsFromZod } from './problems';
import { checkReferences } from './references';
import { Scenario } from './schema';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function validateScenario(data: unknown): Validated<Scenario> {
  const parsed = Scenario.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(Scenario, data, parsed.error) };
  const problems = checkReferences(parsed.data);
  parsed.data.parameters.forEach((p, i) => {
    // A declared parameter's path must land somewhere: try it on a copy.
    try {
      setPath(structuredClone(data), p.path, p.default);
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      problems.push({ path: `parameters[${i}].path`, message: `found "${p.path}"; ${e.message}` });
    }
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
      problems.push({ path: `parameters[${i}].min`, message: `found min ${p.min} > max ${p.max}` });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(text: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = jsonErrorOffset(text);
    let where = '(root)';
    if (pos >= 0) {
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      where = `line ${line}, column ${col}`;
    }
    return {
      ok: false,
      problems: [
        { path: where, message: `invalid JSON: ${msg.split(/ in JSON at position|, |\n/)[0]}` },
      ],
    };
  }
}
