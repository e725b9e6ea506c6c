// Inject cards: a fired MSEL entry addressed to the role on screen, as the message it is in the
// fiction (from, method, subject, message, expected action, D+ time and DTG), which the role
// acknowledges. A player's unacknowledged cards stay open under the exercise bar (a badge
// counts them when the tray is hidden); the white cell's card log lists every fired card with
// who acknowledged it and when, and who has not yet.
import { useEffect, useRef, useState } from 'react';
import type { ExerciseView } from '../../../workers/exercise-view';
import { useExercise, useSession } from '../../store/react';
import { dPlus, dtg } from '../../store/time';
import { ex } from './commands';
import { Dialog } from './Dialog';
import { useRoleName } from './hooks';

type Card = ExerciseView['cards'][number];

/** How the message came, as a phrase after "from EXCON". */
const METHOD_PHRASE: Record<string, string> = {
  email: 'by e-mail',
  phone: 'by phone',
  radio: 'by radio',
  message: 'by formal message',
  chat: 'by chat',
  video: 'by video call',
  'face-to-face': 'face to face',
  document: 'by document',
  media: 'in the media',
  sim: 'seen in the simulation',
};

function useWhen(): (tick: number) => { dplus: string; dtg: string } {
  const start = useSession((s) => s.description?.scenario.start ?? '');
  const tm = useSession((s) => s.tickMinutes);
  return (tick) => ({ dplus: dPlus(tick * tm), dtg: start ? dtg(start, tick * tm) : '' });
}

/** One card as the addressee reads it. */
export function CardBody(props: { card: Card }) {
  const { entry } = props.card;
  const when = useWhen()(props.card.tick);
  return (
    <>
      <div className="ex-card-meta">
        <span>
          <strong>Serial {entry.serial}</strong> · from {entry.from} ·{' '}
          {METHOD_PHRASE[entry.method] ?? entry.method}
        </span>
        <span className="ex-card-when">
          {when.dplus} · {when.dtg}
        </span>
      </div>
      {entry.subject && <h3 className="ex-card-subject">{entry.subject}</h3>}
      {entry.message && <p className="ex-card-message">{entry.message}</p>}
      {entry.expectedAction && (
        <p className="ex-card-action">
          <strong>Expected action:</strong> {entry.expectedAction}
        </p>
      )}
    </>
  );
}

/** A player's cards: the button with its badge, and the tray of cards under the bar. */
export function PlayerCards() {
  const cards = useExercise((s) => s.view?.cards);
  const role = useExercise((s) => s.role);
  const list = cards ?? [];
  const open = list.filter((c) => !c.acked);
  const [shown, setShown] = useState(open.length > 0);
  const seen = useRef(open.length);
  // A new card opens the tray again.
  useEffect(() => {
    if (open.length > seen.current) setShown(true);
    seen.current = open.length;
  }, [open.length]);
  // Another role on screen: its own tray state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on role change only
  useEffect(() => {
    setShown(open.length > 0);
  }, [role]);
  const [busy, setBusy] = useState<string | null>(null);
  const ack = async (serial: string) => {
    setBusy(serial);
    await ex.ack(serial);
    setBusy(null);
  };
  const newestFirst = [...list].reverse();
  return (
    <>
      <button
        type="button"
        className={`tb-btn${open.length ? ' ex-attn' : ''}`}
        aria-expanded={shown}
        aria-controls="ex-card-tray"
        onClick={() => setShown(!shown)}
        aria-label={`Inject cards: ${open.length} to acknowledge, ${list.length} in all`}
      >
        Cards{' '}
        {open.length > 0 ? (
          <span className="ex-badge" aria-hidden="true">
            {open.length}
          </span>
        ) : (
          <span className="ex-count" aria-hidden="true">
            {list.length}
          </span>
        )}
      </button>
      {shown && (
        <section className="ex-card-tray" id="ex-card-tray" aria-label="Inject cards">
          <header className="ex-tray-head">
            <strong>
              {open.length
                ? `${open.length} card${open.length === 1 ? '' : 's'} to acknowledge`
                : 'Inject cards'}
            </strong>
            <button type="button" className="btn small" onClick={() => setShown(false)}>
              Hide
            </button>
          </header>
          {newestFirst.length === 0 && <p className="ex-empty">No cards yet.</p>}
          <ol className="ex-cards">
            {newestFirst.map((c) => (
              <li
                key={`${c.serial}-${c.tick}`}
                className={`ex-card${c.acked ? ' acked' : ''}`}
                data-serial={c.serial}
              >
                <CardBody card={c} />
                {c.acked ? (
                  <p className="ex-acked">✓ Acknowledged</p>
                ) : (
                  <button
                    type="button"
                    className="btn primary"
                    disabled={busy === c.serial}
                    onClick={() => void ack(c.serial)}
                    aria-label={`Acknowledge card ${c.serial}${c.entry.subject ? `: ${c.entry.subject}` : ''}`}
                  >
                    Acknowledge
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** The white cell's card log: every fired card, who acknowledged it and when, who has not. */
export function WhiteCards() {
  const view = useExercise((s) => s.view);
  const [open, setOpen] = useState(false);
  const cards = view?.cards ?? [];
  const roles = view?.roles ?? [];
  const pending = cards.filter((c) =>
    addresseesOf(c, roles).some((r) => !c.ackedBy.includes(r)),
  ).length;
  return (
    <>
      <button
        type="button"
        className="tb-btn"
        onClick={() => setOpen(true)}
        aria-label={`Card log: ${cards.length} fired, ${pending} awaiting acknowledgement`}
      >
        Cards{' '}
        <span className="ex-count" aria-hidden="true">
          {cards.length}
        </span>
        {pending > 0 && (
          <span className="ex-badge" aria-hidden="true">
            {pending}
          </span>
        )}
      </button>
      {open && <CardLog onClose={() => setOpen(false)} />}
    </>
  );
}

/** Played roles a card is addressed to (an empty "to": every played role). */
function addresseesOf(c: Card, roles: ExerciseView['roles']): string[] {
  return roles
    .filter((r) => r.actor !== null && (c.entry.to.length === 0 || c.entry.to.includes(r.actor)))
    .map((r) => r.id);
}

function CardLog(props: { onClose(): void }) {
  const view = useExercise((s) => s.view);
  const name = useRoleName();
  const when = useWhen();
  const [acks, setAcks] = useState<Array<{ serial: string; role: string; tick: number }> | null>(
    null,
  );
  // The record's acknowledgements, fetched again whenever the exercise view changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch on every new view
  useEffect(() => {
    let live = true;
    void ex.acks().then((a) => live && setAcks(a));
    return () => {
      live = false;
    };
  }, [view]);
  if (!view) return null;
  const cards = [...view.cards].reverse();
  return (
    <Dialog title="Inject cards fired" onClose={props.onClose} className="ex-log">
      {cards.length === 0 && <p className="ex-empty">No MSEL entry has fired yet.</p>}
      <ol className="ex-cards">
        {cards.map((c) => {
          const to = addresseesOf(c, view.roles);
          const waiting = to.filter((r) => !c.ackedBy.includes(r));
          return (
            <li key={`${c.serial}-${c.tick}`} className="ex-card" data-serial={c.serial}>
              <CardBody card={c} />
              <p className="ex-card-to">
                To:{' '}
                {c.entry.to.length ? to.map(name).join(', ') || c.entry.to.join(', ') : 'all roles'}
              </p>
              <ul className="ex-ack-list">
                {c.ackedBy.map((r) => {
                  const a = acks?.find((x) => x.serial === c.serial && x.role === r);
                  return (
                    <li key={r} className="ok">
                      ✓ {name(r)} acknowledged{a ? ` at ${when(a.tick).dplus}` : ''}
                    </li>
                  );
                })}
                {waiting.map((r) => (
                  <li key={r} className="waiting">
                    … {name(r)} has not acknowledged
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
