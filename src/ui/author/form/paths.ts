// Document paths in the problems' own notation (src/scenario/problems.ts formatPath), so a
// field finds the schema's problems about it.
import { formatPath, type Problem } from '../../../scenario/problems';

export type DocPath = ReadonlyArray<string | number>;

export const pathText = (path: DocPath): string => formatPath(path);

/** Problems about the value at `path` itself or inside it (a tuple's items, a list's entries). */
export function problemsAt(problems: readonly Problem[], path: DocPath, deep = false): Problem[] {
  const p = pathText(path);
  return problems.filter(
    (q) => q.path === p || (deep && (q.path.startsWith(`${p}.`) || q.path.startsWith(`${p}[`))),
  );
}

/** Problems inside a tuple or a list of plain values (no form of their own below this one). */
export const problemsWithin = (problems: readonly Problem[], path: DocPath): Problem[] =>
  problemsAt(problems, path, true);
