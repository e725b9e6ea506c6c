// Agreements and mechanisms: every information-sharing agreement, every right (hot pursuit,
// overflight, base access…) and every coordination mechanism (joint centres, liaison offices,
// logistics frameworks, training, dialogues) with a switch that orders the worker to change
// it, plus the joint task forces. In an actor's view only its own arrangements are listed.
import type { ReactNode } from 'react';
import { orderSwitch } from '../../store/bridge';
import { useSession } from '../../store/react';
import { type SwitchTable, select } from '../../store/session';
import { PendingBadge, Switch } from './Switch';

/** One switchable arrangement: its row dims when off, the switch orders the worker to change it. */
function SwitchRow({
  kind,
  index,
  label,
  active,
  pending,
  ready,
  children,
}: {
  kind: SwitchTable;
  index: number;
  label: string;
  active: boolean;
  pending: { active: boolean } | undefined;
  ready: boolean;
  children: ReactNode;
}) {
  const on = pending ? pending.active : active;
  return (
    <li className={on ? '' : 'off'}>
      <Switch
        on={on}
        pending={!!pending}
        label={label}
        disabled={!ready}
        onChange={(next) => void orderSwitch(kind, index, next)}
      />
      <div className="sw-body">{children}</div>
    </li>
  );
}

export function Agreements() {
  const d = useSession((s) => s.description);
  const view = useSession((s) => s.view);
  const agActive = useSession((s) => s.agreementsActive);
  const rightsActive = useSession((s) => s.rightsActive);
  const mechActive = useSession((s) => s.mechanismsActive);
  const pending = useSession((s) => s.pending);
  const ready = useSession((s) => s.status.phase === 'ready');
  if (!d) return null;
  const name = (i: number) => d.actors[i]?.name ?? '?';
  const chip = (i: number) => <i className="chip" style={{ background: d.actors[i]?.color }} />;
  const mine = (a: number, b: number) => view < 0 || a === view || b === view;
  // A joint centre's channels are switched with the centre, so they are not listed one by one.
  const treaties = d.agreements.map((g, i) => ({ g, i })).filter(({ g }) => g.centre === null);
  const ags = treaties.filter(({ g }) => mine(g.from, g.to));
  const rights = d.rights.map((r, i) => ({ r, i })).filter(({ r }) => mine(r.grantor, r.grantee));
  const mechs = d.mechanisms
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => view < 0 || m.parties.includes(view));
  const hidden =
    treaties.length -
    ags.length +
    d.rights.length -
    rights.length +
    d.mechanisms.length -
    mechs.length;
  return (
    <div>
      <p className="hint">
        A switch gives an order at the current tick; it takes effect when the next tick runs and is
        recorded in the run's order log.
      </p>
      <h3 className="panel-title">Information-sharing agreements ({ags.length})</h3>
      <ul className="switch-list">
        {ags.map(({ g, i }) => (
          <SwitchRow
            key={g.id}
            kind="agreements"
            index={i}
            label={`Agreement ${g.id}`}
            active={!!agActive[i]}
            pending={pending.agreements[i]}
            ready={ready}
          >
            <button
              type="button"
              className="link sw-name"
              onClick={() => select({ kind: 'agreement', index: i }, 'user')}
            >
              {g.name ?? g.id}
            </button>
            <PendingBadge show={!!pending.agreements[i]} />
            <div className="sw-sub">
              {chip(g.from)}
              {name(g.from)} {g.bidirectional ? '↔' : '→'} {chip(g.to)}
              {name(g.to)} · {g.latencyMin} min
            </div>
          </SwitchRow>
        ))}
      </ul>
      <h3 className="panel-title">Rights ({rights.length})</h3>
      <ul className="switch-list">
        {rights.map(({ r, i }) => (
          <SwitchRow
            key={r.id}
            kind="rights"
            index={i}
            label={`Right ${r.id}`}
            active={!!rightsActive[i]}
            pending={pending.rights[i]}
            ready={ready}
          >
            <div className="sw-name">
              {r.kind.replace(/-/g, ' ')} <span className="muted">({r.id})</span>
              <PendingBadge show={!!pending.rights[i]} />
            </div>
            <div className="sw-sub">
              {chip(r.grantor)}
              {name(r.grantor)} grants {chip(r.grantee)}
              {name(r.grantee)} · {r.domains.join(', ')}
              {r.depthKm > 0 ? ` · ${r.depthKm} km deep` : ''}
            </div>
          </SwitchRow>
        ))}
      </ul>
      {mechs.length > 0 && (
        <>
          <h3 className="panel-title">Coordination mechanisms ({mechs.length})</h3>
          <ul className="switch-list">
            {mechs.map(({ m, i }) => (
              <SwitchRow
                key={m.id}
                kind="mechanisms"
                index={i}
                label={`Mechanism ${m.id}`}
                active={!!mechActive[i]}
                pending={pending.mechanisms[i]}
                ready={ready}
              >
                <div className="sw-name">
                  {m.name}
                  <PendingBadge show={!!pending.mechanisms[i]} />
                </div>
                <div className="sw-sub">
                  {m.kind.replace(/-/g, ' ')} ·{' '}
                  {m.parties.map((p) => (
                    <span key={p}>
                      {chip(p)}
                      {name(p)}{' '}
                    </span>
                  ))}
                </div>
              </SwitchRow>
            ))}
          </ul>
        </>
      )}
      {d.taskForces.length > 0 && (
        <>
          <h3 className="panel-title">Joint task forces</h3>
          <ul className="plain-list">
            {d.taskForces.map((t) => (
              <li key={t.id}>
                <strong>{t.name}</strong> — commanded by {chip(t.commander)}
                {name(t.commander)}
                {t.area >= 0 && d.zones[t.area] ? ` · area ${d.zones[t.area]!.name}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {view >= 0 && hidden > 0 && (
        <p className="muted">
          {hidden} arrangements between other partners are not shown in this view.
        </p>
      )}
    </div>
  );
}
