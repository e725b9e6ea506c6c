// Small pieces of the entry form: ids for a field and its problems, the attributes that tie
// an input to them (aria-invalid, aria-describedby), and the problems shown under a field.
import type { FieldProblem } from './form';

/** The input's id for a field key: `effect.zone` → `msel-f-effect-zone`. */
export const fieldId = (key: string): string => `msel-f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
const problemId = (key: string) => `${fieldId(key)}-problem`;

export function problemsAt(problems: readonly FieldProblem[], key: string): string[] {
  return problems.filter((p) => p.field === key).map((p) => p.message);
}

/** id, aria-invalid and aria-describedby of the input for `key` (plus a hint's id, if any). */
export function inputProps(
  problems: readonly FieldProblem[],
  key: string,
  hintId?: string,
): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const bad = problems.some((p) => p.field === key);
  const described = [bad ? problemId(key) : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id: fieldId(key),
    ...(bad ? { 'aria-invalid': true as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}

/** The problems of a field, right under it (its id is what aria-describedby names). */
export function Problems({
  problems,
  field,
}: {
  problems: readonly FieldProblem[];
  field: string;
}) {
  const list = problemsAt(problems, field);
  if (!list.length) return null;
  return (
    <div className="msel-problem" id={problemId(field)}>
      {list.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
