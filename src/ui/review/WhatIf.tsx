// "What if from here": branch a new session at the review's tick (the recorded orders after it
// are dropped in the branch, as a new order after a rewind drops them in play), give other
// orders as any role (checked as in play: refusals in words), run the branch and the session
// as recorded to the same tick, and compare their core metrics side by side.
import { useEffect, useMemo, useRef, useState } from 'react';
import { comparisonRows } from '../../exercise/aar-branch';
import { namesOf, orderText } from '../../exercise/aar-orders';
import type { WorldDescription } from '../../sim/describe';
import type { Order } from '../../sim/world';
import { dPlus } from '../../store/time';
import { review } from './review-bridge';
import { useReview } from './use-review';

type Kind = 'move' | 'patrol-area' | 'return' | 'release' | 'set-agreement' | 'set-right';
const KINDS: Array<[Kind, string]> = [
  ['move', 'Move a unit'],
  ['patrol-area', 'Patrol an area'],
  ['return', 'Return to base'],
  ['release', 'Release to its staff'],
  ['set-agreement', 'Switch an agreement'],
  ['set-right', 'Switch a right'],
];

/** Metric names in words for the comparison table. */
const METRIC_WORDS: Record<string, string> = {
  incidents: 'Incidents',
  incidentsPrevented: 'Raids prevented',
  interdictions: 'Interdictions',
  threatStrengthEnd: 'Threat strength',
  civilianHarm: 'Civilian harm',
  meanTimeToDetectH: 'Time to detect (h)',
  meanTimeToRespondH: 'Time to respond (h)',
  meanInfoLatencyH: 'Info latency (h)',
  copCompleteness: 'COP completeness',
  trustMean: 'Mean trust',
  supplyShortfalls: 'Supply shortfalls',
  crossBorderPursuits: 'Cross-border pursuits',
  sovereigntyIncidents: 'Sovereignty incidents',
  costUnits: 'Cost',
  borderZoneIncidents: 'Border-zone incidents',
  crossBorderTaskings: 'Cross-border taskings',
  pictureDivergence: 'Picture divergence',
  meanTimeToShareH: 'Time to share (h)',
  meanDecisionLatencyH: 'Decision latency (h)',
  messagesWithheld: 'Tracks withheld',
  caveatCosts: 'Caveat costs',
  sovereigntyCosts: 'Sovereignty costs',
  meanReadiness: 'Mean readiness',
};

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function OrderForm({ d }: { d: WorldDescription }) {
  const roles = useReview((s) => s.roles);
  const [role, setRole] = useState('white');
  const [kind, setKind] = useState<Kind>('set-agreement');
  const actor = d.actors.findIndex((a) => a.id === roles.find((r) => r.id === role)?.actor);
  const units = useMemo(
    () => d.units.map((u, i) => ({ ...u, i })).filter((u) => actor < 0 || u.owner === actor),
    [d, actor],
  );
  const agreements = d.agreements.filter((a) => actor < 0 || a.from === actor || a.to === actor);
  const rights = d.rights.filter((r) => actor < 0 || r.grantor === actor || r.grantee === actor);
  const zones = d.zones.filter((z) => z.kind === 'patrol-area' || z.kind === 'sector');
  const [unit, setUnit] = useState('');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [zone, setZone] = useState('');
  const [switchId, setSwitchId] = useState('');
  const [active, setActive] = useState(false);
  const [busy, setBusy] = useState(false);
  const u = units.find((x) => x.id === unit) ?? units[0];
  const home = u ? d.bases[u.home] : undefined;
  const unitKinds =
    kind === 'move' || kind === 'patrol-area' || kind === 'return' || kind === 'release';

  const build = (): Order | null => {
    const tick = 0; // the branch gives it at its own tick
    switch (kind) {
      case 'move': {
        const x = Number(lon || home?.lon);
        const y = Number(lat || home?.lat);
        if (!u || !Number.isFinite(x) || !Number.isFinite(y)) return null;
        return { tick, kind, unit: u.id, position: [x, y] };
      }
      case 'patrol-area':
        return u ? { tick, kind, unit: u.id, zone: zone || zones[0]?.id || '' } : null;
      case 'return':
      case 'release':
        return u ? { tick, kind, unit: u.id } : null;
      case 'set-agreement': {
        const id = switchId || agreements[0]?.id;
        return id ? { tick, kind, agreement: id, active } : null;
      }
      case 'set-right': {
        const id = switchId || rights[0]?.id;
        return id ? { tick, kind, right: id, active } : null;
      }
    }
  };
  const give = async () => {
    const o = build();
    if (!o) return;
    setBusy(true);
    await review.branchOrder(o, role, orderText(o, namesOf(d)));
    setBusy(false);
  };

  return (
    <div className="rv-form">
      <label htmlFor="wi-role">As</label>
      <select id="wi-role" value={role} onChange={(e) => setRole(e.target.value)}>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <label htmlFor="wi-kind">Order</label>
      <select
        id="wi-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setSwitchId('');
        }}
      >
        {KINDS.map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      {unitKinds && (
        <>
          <label htmlFor="wi-unit">Unit</label>
          <select id="wi-unit" value={u?.id ?? ''} onChange={(e) => setUnit(e.target.value)}>
            {units.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </>
      )}
      {kind === 'move' && (
        <>
          <label htmlFor="wi-lat">Lat, lon</label>
          <span className="pair">
            <input
              id="wi-lat"
              inputMode="decimal"
              placeholder={home ? home.lat.toFixed(2) : 'lat'}
              value={lat}
              onChange={(e) => setLat(e.target.value)}
            />
            <input
              aria-label="Longitude"
              inputMode="decimal"
              placeholder={home ? home.lon.toFixed(2) : 'lon'}
              value={lon}
              onChange={(e) => setLon(e.target.value)}
            />
          </span>
        </>
      )}
      {kind === 'patrol-area' && (
        <>
          <label htmlFor="wi-zone">Zone</label>
          <select id="wi-zone" value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </>
      )}
      {(kind === 'set-agreement' || kind === 'set-right') && (
        <>
          <label htmlFor="wi-switch">{kind === 'set-agreement' ? 'Agreement' : 'Right'}</label>
          <select id="wi-switch" value={switchId} onChange={(e) => setSwitchId(e.target.value)}>
            {(kind === 'set-agreement' ? agreements : rights).map((x) => (
              <option key={x.id} value={x.id}>
                {kind === 'set-agreement' ? namesOf(d).agreement(x.id) : namesOf(d).right(x.id)}
              </option>
            ))}
          </select>
          <label htmlFor="wi-active">Switch</label>
          <select
            id="wi-active"
            value={active ? 'on' : 'off'}
            onChange={(e) => setActive(e.target.value === 'on')}
          >
            <option value="off">off (suspend)</option>
            <option value="on">on</option>
          </select>
        </>
      )}
      <span />
      <button type="button" className="rv-btn" disabled={busy} onClick={() => void give()}>
        Give order in the branch
      </button>
    </div>
  );
}

function Comparison() {
  const c = useReview((s) => s.branch?.comparison ?? null);
  const tm = useReview((s) => s.description?.scenario.tickMinutes ?? 15);
  const head = useRef<HTMLParagraphElement>(null);
  // A new comparison lands below the form: bring it into the side panel's view.
  useEffect(() => {
    if (c) head.current?.scrollIntoView({ block: 'start' });
  }, [c]);
  if (!c) return null;
  const rows = comparisonRows(c);
  const changed = rows.filter((r) => r.difference !== 0).length;
  return (
    <>
      <p ref={head} data-testid="comparison-head">
        Both run to <b>{dPlus(c.tick * tm)}</b> from the branch point {dPlus(c.from * tm)}:{' '}
        <b>
          {changed} of {rows.length}
        </b>{' '}
        core metrics differ (highlighted).
      </p>
      {c.refused.length > 0 && (
        <p className="rv-error">
          {c.refused.length} order(s) refused when given again: {c.refused[0]!.error}
        </p>
      )}
      <table className="rv-compare" data-testid="comparison">
        <thead>
          <tr>
            <th>Core metric</th>
            <th>As played</th>
            <th>Branch</th>
            <th>Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.metric}
              className={r.difference !== 0 ? 'changed' : ''}
              data-metric={r.metric}
            >
              <td>{METRIC_WORDS[r.metric] ?? r.metric}</td>
              <td>{fmt(r.recorded)}</td>
              <td>{fmt(r.branch)}</td>
              <td className={r.difference > 0 ? 'up' : r.difference < 0 ? 'down' : ''}>
                {r.difference > 0 ? '+' : ''}
                {r.difference === 0 ? '0' : fmt(r.difference)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function WhatIf() {
  const tick = useReview((s) => s.tick);
  const end = useReview((s) => s.endTick);
  const d = useReview((s) => s.description);
  const branch = useReview((s) => s.branch);
  const tm = d?.scenario.tickMinutes ?? 15;
  const total = d?.scenario.totalTicks ?? end;
  const perHour = Math.max(1, Math.round(60 / tm));
  const suggested = branch
    ? branch.tick < end
      ? end
      : Math.min(total, branch.tick + 24 * perHour)
    : end;
  const [toHours, setToHours] = useState<string>('');
  const target = toHours === '' ? suggested : Math.round(Number(toHours) * perHour);
  if (!d) return null;
  return (
    <>
      <h2>What if</h2>
      {!branch ? (
        <>
          <p className="hint">
            Branch a new session at {dPlus(tick * tm)}: the orders recorded after it are dropped in
            the branch. Give other orders, then run both to the same time and compare.
          </p>
          <button type="button" className="rv-btn primary" onClick={() => void review.branchHere()}>
            What if from here ({dPlus(tick * tm)})
          </button>
        </>
      ) : (
        <>
          <p>
            Branch from <b>{dPlus(branch.tick * tm)}</b>{' '}
            <button type="button" className="rv-btn" onClick={() => review.endBranch()}>
              Drop
            </button>
          </p>
          {branch.status === 'opening' && <p className="hint">Opening the branch…</p>}
          {branch.error && <p className="rv-error">{branch.error}</p>}
          {branch.status !== 'opening' && <OrderForm d={d} />}
          {branch.orders.length > 0 && (
            <ul className="rv-given" data-testid="branch-orders">
              {branch.orders.map((o, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an append-only list
                <li key={i}>
                  <span className={o.ok ? 'ok' : 'no'}>{o.ok ? '✓' : '✕'}</span> {o.text}
                  {o.error ? <div className="rv-error">refused: {o.error}</div> : null}
                </li>
              ))}
            </ul>
          )}
          <div className="rv-form">
            <label htmlFor="wi-to">Run both to</label>
            <span className="pair">
              <input
                id="wi-to"
                inputMode="decimal"
                value={toHours}
                placeholder={String((suggested / perHour).toFixed(2)).replace(/\.00$/, '')}
                onChange={(e) => setToHours(e.target.value)}
                aria-describedby="wi-to-when"
              />
              <span id="wi-to-when" className="hint">
                h = {dPlus(target * tm)}
              </span>
            </span>
            <span />
            <button
              type="button"
              className="rv-btn primary"
              disabled={
                branch.status === 'running' ||
                branch.status === 'opening' ||
                !(target > branch.tick)
              }
              onClick={() => void review.compare(target)}
            >
              {branch.status === 'running' ? 'Running both…' : 'Run both and compare'}
            </button>
          </div>
          <Comparison />
        </>
      )}
    </>
  );
}
