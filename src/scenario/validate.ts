// Validation entry point: reserved keys, schema, then cross references, declared parameters
// and the limits on size. Returns a typed scenario or a list of path-named problems; never
// throws on bad data.
import { jsonErrorOffset } from './json-position';
import { DEFAULT_LIMITS, type Limits, scenarioLimitProblems } from './limits';
import { checkPath, PathError } from './paths';
import { type Problem, problemsFromZod } from './problems';
import { checkReferences } from './references';
import { reservedKeyProblems } from './safe-keys';
import { salvageScenario } from './salvage';
import { Scenario } from './schema';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function validateScenario(
  data: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Validated<Scenario> {
  const reserved = reservedKeyProblems(data);
  const parsed = Scenario.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // Every problem at once: the cross-reference checks also run on the parts that parsed.
    const part = salvageScenario(data);
    const later = part
      ? crossProblems(data, part.scenario, part.known).map((p) => ({
          ...p,
          path: part.pathInDoc(p.path),
        }))
      : [];
    return {
      ok: false,
      problems: [...reserved, ...problemsFromZod(Scenario, data, parsed.error), ...later],
    };
  }
  const problems = [...reserved, ...crossProblems(data, parsed.data)];
  if (!problems.length) problems.push(...scenarioLimitProblems(parsed.data, limits));
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** References, and the declared parameters' paths and ranges. */
function crossProblems(
  data: unknown,
  s: Scenario,
  known?: ReadonlyMap<string, readonly string[]>,
): Problem[] {
  const problems = checkReferences(s, known);
  s.parameters.forEach((p, i) => {
    // A declared parameter's path must land somewhere (checked without copying the document).
    try {
      checkPath(data, p.path);
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      problems.push({ path: `parameters[${i}].path`, message: `found "${p.path}"; ${e.message}` });
    }
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
      problems.push({ path: `parameters[${i}].min`, message: `found min ${p.min} > max ${p.max}` });
    }
  });
  return problems;
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
