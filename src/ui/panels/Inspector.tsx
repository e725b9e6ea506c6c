// The inspector: everything known about the selected unit, base, place, track, threat cell,
// actor or agreement — static facts from the description, live state from the latest snapshot
// (re-read whenever a new one arrives).
import type { ReactNode } from 'react';
import { stockCss } from '../../map/colors';
import type { Selection } from '../../map/types';
import { CELL_NAMES, TASK_NAMES } from '../../sim/codes';
import type { WorldDescription } from '../../sim/describe';
import type { Snapshot } from '../../sim/snapshot';
import { orderSwitch } from '../../store/bridge';
import { getLatestSnapshot } from '../../store/latest-snapshot';
import { useSession } from '../../store/react';
import { select } from '../../store/session';
import { dPlus } from '../../store/time';
import { latLon, num, pct, trustColor } from '../format';
import { MilSymbol } from '../symbol';
import { PendingBadge, Switch } from './Switch';

function Row(props: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}

/** A level as a bar, coloured like the map's stock gauge (ok, low, critical). */
function Bar(props: { frac: number | undefined; label?: string | undefined }) {
  const f = props.frac ?? 0;
  return (
    <span className="bar-wrap">
      <span className="bar">
        <span
          className="bar-fill"
          style={{ width: `${Math.max(0, Math.min(1, f)) * 100}%`, background: stockCss(f) }}
        />
      </span>
      <span className="bar-text">{props.label ?? pct(props.frac)}</span>
    </span>
  );
}

/**
 * A value the view may not hold: the engine sends NaN for another actor's strength and stocks
 * (role-view.ts), and the panel says so instead of drawing an empty bar.
 */
function Unknown(props: { d: WorldDescription; view: number }) {
  const who = props.d.actors[props.view]?.name ?? 'this view';
  return <span className="muted not-known">not known to {who}</span>;
}

const known = (v: number | undefined): v is number => v !== undefined && !Number.isNaN(v);

function Link(props: { to: Selection; children: ReactNode }) {
  return (
    <button type="button" className="link" onClick={() => select(props.to, 'user')}>
      {props.children}
    </button>
  );
}

function ActorChip(props: { d: WorldDescription; index: number }) {
  const a = props.d.actors[props.index];
  if (!a) return <span>—</span>;
  return (
    <Link to={{ kind: 'actor', index: props.index }}>
      <i className="chip" style={{ background: a.color }} />
      {a.name}
    </Link>
  );
}

function Header(props: {
  kind: string;
  title: string;
  sidc?: string | null | undefined;
  sub?: string | undefined;
}) {
  return (
    <div className="insp-head">
      {props.sidc ? <MilSymbol sidc={props.sidc} size={34} /> : null}
      <div>
        <div className="insp-kind">{props.kind}</div>
        <h3>{props.title}</h3>
        {props.sub ? <div className="insp-sub">{props.sub}</div> : null}
      </div>
    </div>
  );
}

/** What every item view reads: the description, the latest snapshot, the item, the viewer. */
interface ItemViewProps {
  d: WorldDescription;
  snap: Snapshot | null;
  i: number;
  view: number;
}

function UnitView({ d, snap, i, view }: ItemViewProps) {
  const u = d.units[i];
  if (!u) return <p>No such unit.</p>;
  const type = d.unitTypes.find((t) => t.id === u.type);
  const L = snap?.units;
  const task = L ? (TASK_NAMES[L.task[i]!] ?? '?') : '—';
  const taskCell = L ? L.taskCell[i]! : -1;
  const home = d.bases[u.home];
  // In an actor's view a unit it does not command arrives without strength and stocks.
  const bar = (v: number | undefined) =>
    L && !known(v) ? <Unknown d={d} view={view} /> : <Bar frac={v} />;
  const lon = L?.lon[i];
  return (
    <>
      <Header kind="Unit" title={u.name} sidc={u.sidc} sub={u.id} />
      <table className="kv">
        <tbody>
          <Row label="Owner">
            <ActorChip d={d} index={u.owner} />
          </Row>
          <Row label="Type">
            {type?.name ?? u.type} ({u.domain})
          </Row>
          <Row label="Task">
            <strong>{task}</strong>
            {taskCell >= 0 ? (
              <>
                {' → '}
                {view < 0 ? (
                  <Link to={{ kind: 'cell', cell: taskCell }}>threat cell {taskCell}</Link>
                ) : (
                  <Link to={{ kind: 'track', actor: view, cell: taskCell }}>track {taskCell}</Link>
                )}
              </>
            ) : null}
          </Row>
          <Row label="Engaged">{L ? (L.engaged[i] ? 'Yes — in combat' : 'No') : '—'}</Row>
          <Row label="Strength">{bar(L?.strength[i])}</Row>
          <Row label="Fuel">{bar(L?.fuel[i])}</Row>
          <Row label="Supplies">{bar(L?.supplies[i])}</Row>
          <Row label="Position">
            {!L ? '—' : known(lon) ? latLon(lon, L.lat[i]!) : <Unknown d={d} view={view} />}
          </Row>
          <Row label="Home base">
            {home ? <Link to={{ kind: 'base', index: u.home }}>{home.name}</Link> : '—'}
          </Row>
        </tbody>
      </table>
    </>
  );
}

function BaseView({ d, snap, i, view }: ItemViewProps) {
  const b = d.bases[i];
  if (!b) return <p>No such base.</p>;
  const fuel = snap?.bases.fuel[i];
  const sup = snap?.bases.supplies[i];
  const units = d.units.map((u, k) => ({ u, k })).filter(({ u }) => u.home === i);
  const stock = (f: number | undefined, cap: number) =>
    f === undefined ? undefined : `${num(Math.round(f * cap))} / ${num(cap)} (${pct(f)})`;
  // Another actor's depot: its stocks are its own logistics secret (NaN in this view).
  const bar = (f: number | undefined, cap: number) =>
    snap && !known(f) ? <Unknown d={d} view={view} /> : <Bar frac={f} label={stock(f, cap)} />;
  return (
    <>
      <Header kind={`Base · ${b.kind}`} title={b.name} sidc={b.sidc} sub={b.id} />
      <table className="kv">
        <tbody>
          <Row label="Owner">
            <ActorChip d={d} index={b.owner} />
          </Row>
          <Row label="Fuel stock">{bar(fuel, b.capacity.fuel)}</Row>
          <Row label="Supplies">{bar(sup, b.capacity.supplies)}</Row>
          <Row label="Position">{latLon(b.lon, b.lat)}</Row>
        </tbody>
      </table>
      {units.length > 0 && (
        <>
          <h4>Units based here ({units.length})</h4>
          <ul className="plain-list">
            {units.map(({ u, k }) => (
              <li key={u.id}>
                <Link to={{ kind: 'unit', index: k }}>{u.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function PlaceView({ d, i }: { d: WorldDescription; i: number }) {
  const p = d.places[i];
  const incidents = useSession((s) => s.incidents);
  const tickMinutes = useSession((s) => s.tickMinutes);
  if (!p) return <p>No such place.</p>;
  const here = incidents.filter((m) => m.select?.kind === 'place' && m.select.index === i);
  return (
    <>
      <Header kind={`Place · ${p.kind}`} title={p.name} sub={p.id} />
      <table className="kv">
        <tbody>
          <Row label="Population">{num(p.population)}</Row>
          <Row label="Position">{latLon(p.lon, p.lat)}</Row>
          <Row label="Attacks seen">{here.length}</Row>
        </tbody>
      </table>
      {here.length > 0 && (
        <ul className="plain-list">
          {here.map((m, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static list
            <li key={k}>
              <span className="mono">{dPlus(m.t * tickMinutes)}</span> {m.label}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TrackView({
  d,
  snap,
  actor,
  cell,
}: {
  d: WorldDescription;
  snap: Snapshot | null;
  actor: number;
  cell: number;
}) {
  const T = snap?.tracks;
  let k = -1;
  if (T)
    for (let j = 0; j < T.cell.length; j++) if (T.cell[j] === cell && T.actor[j] === actor) k = j;
  const group = T && k >= 0 ? d.threatGroups[T.group[k]!] : undefined;
  return (
    <>
      <Header
        kind="Track"
        title={`Threat cell ${cell}`}
        sidc={group?.sidc}
        sub={group ? group.name : undefined}
      />
      <table className="kv">
        <tbody>
          <Row label="Held by">
            <ActorChip d={d} index={actor} />
          </Row>
          {T && k >= 0 ? (
            <>
              <Row label="Group">{group ? `${group.name} (${group.kind})` : '—'}</Row>
              <Row label="Last seen">{num(T.ageH[k], 1)} h ago</Row>
              <Row label="Source">
                <ActorChip d={d} index={T.source[k]!} />
              </Row>
              <Row label="Believed at">{latLon(T.lon[k]!, T.lat[k]!)}</Row>
            </>
          ) : (
            <Row label="Status">Not held in this picture any more</Row>
          )}
        </tbody>
      </table>
    </>
  );
}

function CellView({
  d,
  snap,
  cell,
  view,
}: {
  d: WorldDescription;
  snap: Snapshot | null;
  cell: number;
  view: number;
}) {
  const C = snap?.cells;
  let k = -1;
  if (C) for (let j = 0; j < C.cell.length; j++) if (C.cell[j] === cell) k = j;
  const group = C && k >= 0 ? d.threatGroups[C.group[k]!] : undefined;
  const holders: number[] = [];
  const T = snap?.tracks;
  if (T) for (let j = 0; j < T.cell.length; j++) if (T.cell[j] === cell) holders.push(T.actor[j]!);
  return (
    <>
      <Header
        kind="Threat cell (ground truth)"
        title={`Threat cell ${cell}`}
        sidc={group?.sidc}
        sub={group?.name}
      />
      {view >= 0 ? (
        <p className="muted">Ground truth is the white cell's: switch the view to see it.</p>
      ) : C && k >= 0 ? (
        <table className="kv">
          <tbody>
            <Row label="Group">{group ? `${group.name} (${group.kind})` : '—'}</Row>
            <Row label="Behaviour">{CELL_NAMES[C.state[k]!] ?? '?'}</Row>
            <Row label="Strength">{num(C.strength[k], 1)} fighters</Row>
            <Row label="Position">{latLon(C.lon[k]!, C.lat[k]!)}</Row>
            <Row label="Tracked by">
              {holders.length
                ? holders.map((a) => (
                    <span key={a} className="inline-chip">
                      <ActorChip d={d} index={a} />
                    </span>
                  ))
                : 'nobody'}
            </Row>
          </tbody>
        </table>
      ) : (
        <p className="muted">This cell is no longer active.</p>
      )}
    </>
  );
}

function ActorView({ d, snap, i, view }: ItemViewProps) {
  const a = d.actors[i];
  const trust = useSession((s) => s.trust);
  if (!a) return <p>No such actor.</p>;
  const units = d.units.filter((u) => u.owner === i).length;
  let tracks = 0;
  if (snap)
    for (let j = 0; j < snap.tracks.actor.length; j++) if (snap.tracks.actor[j] === i) tracks++;
  const ags = d.agreements.map((g, k) => ({ g, k })).filter(({ g }) => g.from === i || g.to === i);
  return (
    <>
      <div className="insp-head">
        <i className="chip big" style={{ background: a.color }} />
        <div>
          <div className="insp-kind">Actor · {a.kind}</div>
          <h3>{a.name}</h3>
          <div className="insp-sub">{a.id}</div>
        </div>
      </div>
      <table className="kv">
        <tbody>
          {a.members.length > 0 && (
            <Row label="Members">
              {a.members.map((m) => (
                <span key={m} className="inline-chip">
                  <ActorChip d={d} index={m} />
                </span>
              ))}
            </Row>
          )}
          <Row label="Units">{units}</Row>
          <Row label="Tracks held">{snap && (view < 0 || view === i) ? tracks : '—'}</Row>
          <Row label="HQ">{latLon(a.hq[0], a.hq[1])}</Row>
        </tbody>
      </table>
      <h4>Trust towards others</h4>
      <ul className="trust-list">
        {d.actors.map((b, j) =>
          j === i ? null : (
            <li key={b.id}>
              <i className="chip" style={{ background: b.color }} />
              <span className="grow">{b.name}</span>
              {trust[i]?.[j] != null ? (
                <span
                  className="trust-cell"
                  style={{
                    background: trustColor(trust[i]![j]!),
                    color: trust[i]![j]! > 0.55 ? '#fff' : '#000',
                  }}
                >
                  {trust[i]![j]!.toFixed(2)}
                </span>
              ) : (
                <span className="muted">not known in this view</span>
              )}
            </li>
          ),
        )}
      </ul>
      {ags.length > 0 && (
        <>
          <h4>Sharing agreements</h4>
          <ul className="plain-list">
            {ags.map(({ g, k }) => (
              <li key={g.id}>
                <Link to={{ kind: 'agreement', index: k }}>{g.name ?? g.id}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function AgreementView({ d, snap, i }: { d: WorldDescription; snap: Snapshot | null; i: number }) {
  const g = d.agreements[i];
  const active = useSession((s) => s.agreementsActive[i]);
  const pend = useSession((s) => s.pending.agreements[i]);
  if (!g) return <p>No such agreement.</p>;
  let inFlight = 0;
  let lost = 0;
  if (snap)
    for (let j = 0; j < snap.messages.agreement.length; j++)
      if (snap.messages.agreement[j] === i) {
        inFlight++;
        if (snap.messages.lost[j]) lost++;
      }
  return (
    <>
      <Header kind="Information-sharing agreement" title={g.name ?? g.id} sub={g.id} />
      <table className="kv">
        <tbody>
          <Row label="Parties">
            <ActorChip d={d} index={g.from} /> {g.bidirectional ? '↔' : '→'}{' '}
            <ActorChip d={d} index={g.to} />
          </Row>
          <Row label="Latency">{g.latencyMin} min</Row>
          <Row label="In force">
            <Switch
              on={pend ? pend.active : !!active}
              pending={!!pend}
              label={g.id}
              onChange={(on) => void orderSwitch('agreements', i, on)}
            />{' '}
            <PendingBadge show={!!pend} />
          </Row>
          <Row label="In flight">
            {inFlight} message{inFlight === 1 ? '' : 's'}
            {lost ? ` (${lost} will be lost)` : ''}
          </Row>
        </tbody>
      </table>
    </>
  );
}

export function Inspector() {
  const selection = useSession((s) => s.selection);
  const d = useSession((s) => s.description);
  const view = useSession((s) => s.view);
  useSession((s) => s.snapshotSeq); // re-render with each snapshot
  const snap = getLatestSnapshot();
  if (!d) return null;
  if (!selection)
    return (
      <div className="empty">
        <p>
          <strong>Nothing selected.</strong>
        </p>
        <p>
          Click a unit, base, town, track or message route on the map, or an entry in the event log,
          to see its live state here.
        </p>
      </div>
    );
  switch (selection.kind) {
    case 'unit':
      return <UnitView d={d} snap={snap} i={selection.index} view={view} />;
    case 'base':
      return <BaseView d={d} snap={snap} i={selection.index} view={view} />;
    case 'place':
      return <PlaceView d={d} i={selection.index} />;
    case 'track':
      return <TrackView d={d} snap={snap} actor={selection.actor} cell={selection.cell} />;
    case 'cell':
      return <CellView d={d} snap={snap} cell={selection.cell} view={view} />;
    case 'actor':
      return <ActorView d={d} snap={snap} i={selection.index} view={view} />;
    case 'agreement':
      return <AgreementView d={d} snap={snap} i={selection.index} />;
  }
}
