// A form field's change as one edit (one undo step): a value set, or an optional field cleared.
import { setAt, unsetAt } from '../../../author/edit-ops';
import { authorEdit } from '../../../store/author-session';
import type { DocPath } from './paths';

/** Words for the undo button: "Undo: change units[2].owner". */
const labelOf = (path: DocPath) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

export function commit(path: DocPath, value: unknown): void {
  if (value === undefined) authorEdit(`clear ${labelOf(path)}`, unsetAt(path));
  else authorEdit(`change ${labelOf(path)}`, setAt(path, value));
}
