// One row of the ORBAT tree: an actor (its colour, name and unit count), a command (national,
// a task force, or not known, with its count) or a unit (its APP-6 symbol, name and type).
// Rows are flat `treeitem`s with aria-level, -setsize and -posinset (the WAI-ARIA tree);
// OrbatTree.tsx gives the tab stop and handles the keys.
import { memo } from 'react';
import { MilSymbol } from '../symbol';
import type { OrbatRow as Row } from './rows';

const unitsWord = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;

function Group({ row }: { row: Extract<Row, { kind: 'actor' | 'command' }> }) {
  const actor = row.kind === 'actor';
  const name = actor ? row.actor.name : row.command.name;
  const count = actor ? row.actor.count : row.command.units.length;
  return (
    <>
      <span className="ob-twisty" aria-hidden="true">
        {row.expanded ? '▾' : '▸'}
      </span>
      {actor ? (
        <i className="chip" style={{ background: row.actor.color }} />
      ) : (
        <span className={`ob-cmd ob-cmd-${row.command.kind}`} aria-hidden="true">
          {row.command.kind === 'task-force' ? 'TF' : row.command.kind === 'national' ? 'NAT' : '?'}
        </span>
      )}
      <span className="ob-name" title={name}>
        {name}
      </span>
      <span className="ob-count" title={unitsWord(count)}>
        {count}
      </span>
    </>
  );
}

export const OrbatRow = memo(function OrbatRow(props: {
  row: Row;
  selected: boolean;
  tabStop: boolean;
  onActivate(row: Row): void;
}) {
  const { row, selected, tabStop, onActivate } = props;
  const group = row.kind !== 'unit';
  const label =
    row.kind === 'actor'
      ? `${row.actor.name}, ${unitsWord(row.actor.count)}`
      : row.kind === 'command'
        ? `${row.command.name}, ${unitsWord(row.command.units.length)}`
        : `${row.unit.name}, ${row.unit.type}`;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tree handles every row's keys (OrbatTree.tsx)
    <div
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.pos}
      aria-expanded={group ? row.expanded : undefined}
      aria-selected={group ? undefined : selected}
      aria-label={label}
      tabIndex={tabStop ? 0 : -1}
      data-orbat-key={row.key}
      className={`ob-row ob-${row.kind}${selected ? ' on' : ''}`}
      onClick={() => onActivate(row)}
    >
      {row.kind === 'unit' ? (
        <>
          <MilSymbol sidc={row.unit.sidc} size={20} />
          <span className="ob-unit-text">
            <span className="ob-name" title={row.unit.name}>
              {row.unit.name}
            </span>
            <span className="ob-type">{row.unit.type}</span>
          </span>
        </>
      ) : (
        <Group row={row} />
      )}
    </div>
  );
});
