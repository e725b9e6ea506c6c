// An inject's kind (narrative, spawn, attack, agreement…): choosing another keeps its id, time
// and message and asks the form for the new kind's fields.
import { setAt } from '../../author/edit-ops';
import { authorEdit } from '../../store/author-session';
import type { DocPath } from './form/paths';
import { scenarioSchema } from './form/schema-node';

function injectKinds(): string[] {
  const item = scenarioSchema().properties?.injects?.items;
  const options = item && typeof item === 'object' ? (item.oneOf ?? []) : [];
  return options.map((o) => String(o.properties?.kind?.const ?? '')).filter(Boolean);
}

export function KindChoice(props: { path: DocPath; value: unknown }) {
  const v = (props.value ?? {}) as Record<string, unknown>;
  return (
    <div className="au-field">
      <label>
        Kind of inject
        <select
          value={String(v.kind ?? '')}
          onChange={(e) => {
            const next: Record<string, unknown> = { id: v.id, at: v.at, kind: e.target.value };
            if (typeof v.message === 'string' && v.message) next.message = v.message;
            if (e.target.value === 'narrative') next.to = [];
            authorEdit(`change the kind of ${String(v.id)}`, setAt(props.path, next));
          }}
        >
          {injectKinds().map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
