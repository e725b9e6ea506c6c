// Agreements and mechanisms: every information-sharing agreement, every right (hot pursuit,
// overflight, base access…) and every coordination mechanism (joint centres, liaison offices,
// logistics frameworks, training, dialogues) with a switch that orders the worker to change
// it, plus the joint task forces. In an actor's view only its own arrangements are listed.
// In an exercise agreements are play: a player suspends its own agreements and rights (an
// order) but proposes signing or restoring one to the other party, and answers the proposals
// addressed to it; the white cell keeps its switches, sees every proposal, imposes or vetoes.
import type { ReactNode } from 'react';
import type { Proposal } from '../../exercise/session-file';
import { orderSwitch } from '../../store/bridge';
import { WHITE } from '../../store/exercise-commands';
import { useExercise, useSession } from '../../store/react';
import { type SwitchTable, select } from '../../store/session';
import { ex } from '../exercise/commands';
import { useRoleName } from '../exercise/hooks';
import { PendingBadge, Switch } from './Switch';

/** One switchable arrangement: its row dims when off, the switch orders the worker to change it. */
function SwitchRow({
  kind,
  index,
  label,
  active,
  pending,
  ready,
  play,
  children,
}: {
  kind: SwitchTable;
  index: number;
  label: string;
  active: boolean;
  pending: { active: boolean } | undefined;
  ready: boolean;
  /** A player's agreement or right in an exercise: actions instead of a switch. */
  play?: { id: string; proposal: Proposal | undefined } | undefined;
  children: ReactNode;
}) {
  const on = pending ? pending.active : active;
  return (
    <li className={on ? '' : 'off'}>
      {play && kind !== 'mechanisms' ? (
        <PlayActions
          kind={kind === 'agreements' ? 'agreement' : 'right'}
          index={index}
          id={play.id}
          label={label}
          on={on}
          pending={!!pending}
          ready={ready}
          proposal={play.proposal}
        />
      ) : (
        <Switch
          on={on}
          pending={!!pending}
          label={label}
          disabled={!ready}
          onChange={(next) => void orderSwitch(kind, index, next)}
        />
      )}
      <div className="sw-body">{children}</div>
    </li>
  );
}

/**
 * A player's actions on its own agreement or right: suspend it (its own order), or propose
 * restoring it to the other party; a proposal already waiting is shown instead.
 */
function PlayActions(props: {
  kind: 'agreement' | 'right';
  index: number;
  id: string;
  label: string;
  on: boolean;
  pending: boolean;
  ready: boolean;
  proposal: Proposal | undefined;
}) {
  const name = useRoleName();
  const { on, proposal } = props;
  return (
    <span className="play-actions">
      <span className={`play-state${on ? ' on' : ''}`}>{on ? 'On' : 'Off'}</span>
      {proposal ? (
        <span className="play-waiting">
          {proposal.active ? 'Restoring' : 'Suspending'} proposed · waiting for {name(proposal.to)}
        </span>
      ) : on ? (
        <button
          type="button"
          className="btn small"
          disabled={!props.ready || props.pending}
          onClick={() => void ex.suspend(props.kind, props.index)}
          aria-label={`Suspend ${props.label}`}
          title="Your own order: it takes effect when the next tick runs"
        >
          Suspend
        </button>
      ) : (
        <button
          type="button"
          className="btn small"
          disabled={!props.ready || props.pending}
          onClick={() => void ex.propose(props.kind, props.id, true)}
          aria-label={`Propose restoring ${props.label}`}
          title="Restoring takes the other party's consent: they accept or refuse"
        >
          Propose restoring
        </button>
      )}
    </span>
  );
}

/** A proposal in words: "Mali proposes restoring ag-ml-ne (Mali ↔ Niger)". */
function ProposalLine(props: { p: Proposal; describe: (p: Proposal) => string }) {
  const name = useRoleName();
  const { p } = props;
  return (
    <>
      <strong>{name(p.from)}</strong> proposes {p.active ? 'restoring' : 'suspending'}{' '}
      {props.describe(p)}
      {p.status === 'pending' ? (
        <span className="muted"> · to {name(p.to)}</span>
      ) : (
        <span className={`proposal-status ${p.status}`}> · {p.status}</span>
      )}
    </>
  );
}

/** Proposals the role on screen answers, and the others it may see (the white cell: all). */
function Proposals(props: { describe: (p: Proposal) => string }) {
  const proposals = useExercise((s) => s.view?.proposals);
  const role = useExercise((s) => s.role);
  if (!proposals) return null;
  const white = role === WHITE;
  const mine = proposals.filter((p) => p.status === 'pending' && (white || p.to === role));
  const others = proposals.filter((p) => !mine.includes(p)).reverse();
  return (
    <section className="proposals" aria-label="Proposals">
      <h3 className="panel-title">
        {white ? 'Proposals waiting' : 'Proposals to answer'} ({mine.length})
      </h3>
      {mine.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list proposal-list">
          {mine.map((p) => (
            <li key={p.id} className="proposal" data-proposal={p.id}>
              <div>
                <ProposalLine p={p} describe={props.describe} />
              </div>
              <div className="proposal-buttons">
                <button
                  type="button"
                  className="btn small primary"
                  onClick={() => void ex.answer(p.id, true)}
                  aria-label={`${white && p.to !== WHITE ? 'Impose' : 'Accept'} proposal ${p.id}: ${p.active ? 'restore' : 'suspend'} ${p.target.id}`}
                >
                  {white && p.to !== WHITE ? 'Impose' : 'Accept'}
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => void ex.answer(p.id, false)}
                  aria-label={`${white && p.to !== WHITE ? 'Veto' : 'Refuse'} proposal ${p.id}: ${p.active ? 'restore' : 'suspend'} ${p.target.id}`}
                >
                  {white && p.to !== WHITE ? 'Veto' : 'Refuse'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h4 className="proposal-sub">{white ? 'All other proposals' : 'Other proposals'}</h4>
          <ul className="plain-list proposal-list">
            {others.map((p) => (
              <li key={p.id} className="proposal" data-proposal={p.id}>
                <ProposalLine p={p} describe={props.describe} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
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
  const exercise = useExercise((s) => s.active);
  const role = useExercise((s) => s.role);
  const proposals = useExercise((s) => s.view?.proposals);
  if (!d) return null;
  const name = (i: number) => d.actors[i]?.name ?? '?';
  const player = exercise && role !== WHITE;
  const play = (kind: 'agreement' | 'right', id: string) =>
    player
      ? {
          id,
          proposal: proposals?.find(
            (p) => p.status === 'pending' && p.target.kind === kind && p.target.id === id,
          ),
        }
      : undefined;
  const describe = (p: Proposal) => {
    if (p.target.kind === 'agreement') {
      const g = d.agreements.find((x) => x.id === p.target.id);
      return g
        ? `${g.name ?? g.id} (${name(g.from)} ${g.bidirectional ? '↔' : '→'} ${name(g.to)})`
        : p.target.id;
    }
    const r = d.rights.find((x) => x.id === p.target.id);
    return r
      ? `${r.kind.replace(/-/g, ' ')} ${r.id} (${name(r.grantor)} grants ${name(r.grantee)})`
      : p.target.id;
  };
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
      {player ? (
        <p className="hint">
          Suspending your own agreement or right is your order; signing or restoring one needs the
          other party's consent: propose it, and they accept or refuse. Orders take effect when the
          next tick runs.
        </p>
      ) : (
        <p className="hint">
          A switch gives an order at the current tick; it takes effect when the next tick runs and
          is recorded in the run's order log.
          {exercise && ' As the white cell you may also impose or veto the proposals below.'}
        </p>
      )}
      {exercise && <Proposals describe={describe} />}
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
            play={play('agreement', g.id)}
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
            play={play('right', r.id)}
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
