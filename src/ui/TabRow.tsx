// A row of tabs (WAI-ARIA tablist) over one panel: the planner's side panel and author mode's
// share it. Each tab may carry a count (author mode's problems per tab).
import type { ReactNode } from 'react';

export interface TabRowProps<T extends string> {
  tabs: ReadonlyArray<{ id: T; label: ReactNode; count?: number }>;
  selected: T;
  onSelect(id: T): void;
  /** Tab element ids are `${idPrefix}${id}` (the panel names its tab by it). */
  idPrefix: string;
  className: string;
  /** The tab panel's id, when it has one fixed id. */
  controls?: string;
  label?: string;
}

export function TabRow<T extends string>(props: TabRowProps<T>) {
  return (
    <div className={props.className} role="tablist" aria-label={props.label}>
      {props.tabs.map((t) => (
        <button
          type="button"
          role="tab"
          key={t.id}
          id={`${props.idPrefix}${t.id}`}
          aria-selected={props.selected === t.id}
          aria-controls={props.controls}
          className={props.selected === t.id ? 'on' : ''}
          onClick={() => props.onSelect(t.id)}
        >
          {t.label}
          {!!t.count && <span className="tab-count">{t.count}</span>}
        </button>
      ))}
    </div>
  );
}
