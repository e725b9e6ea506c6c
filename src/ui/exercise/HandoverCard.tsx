// The hand-over card (hot seat): it replaces the whole app while the screen passes from one role
// to the next, so nothing of the last role's view — map, panels, feed — stays in the page. The
// next role reveals its own view, with its passcode if it has one (a wrong one is refused and
// the card stays). Escape does nothing here: only a reveal ends the card.
import { useEffect, useId, useRef, useState } from 'react';
import { WHITE } from '../../store/exercise-commands';
import { useExercise } from '../../store/react';
import { Countdown } from './Countdown';
import { ex } from './commands';
import { trapTab } from './Dialog';

export function HandoverCard() {
  const to = useExercise((s) => s.handover?.to ?? WHITE);
  const view = useExercise((s) => s.view);
  const [target, setTarget] = useState(to);
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const passId = useId();
  const errorId = useId();
  useEffect(() => setTarget(to), [to]);
  const role = view?.roles.find((r) => r.id === target);
  const name = role?.name ?? target;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new addressee starts afresh
  useEffect(() => {
    setPass('');
    setError(null);
    const el = ref.current?.querySelector<HTMLElement>('input[type="password"], .ex-reveal');
    el?.focus();
  }, [target]);
  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const ok = await ex.reveal(target, pass);
    setBusy(false);
    if (!ok) {
      setPass('');
      setError(
        role?.hasPasscode
          ? `Wrong passcode for ${name}. The view stays hidden; try again.`
          : `${name}'s view could not be shown.`,
      );
      ref.current?.querySelector<HTMLElement>('input[type="password"]')?.focus();
    }
  };
  const turn = view?.turn;
  return (
    <div
      className="ex-handover"
      role="dialog"
      aria-modal="true"
      aria-labelledby="ex-handover-title"
      ref={ref}
      id="ex-handover"
      onKeyDown={(e) => {
        trapTab(e, ref.current);
        e.stopPropagation();
      }}
    >
      <div className="ex-handover-inner">
        <p className="ex-handover-kicker">
          {view?.title ?? 'Exercise'}
          {turn && turn.mode === 'turns' ? ` · turn ${turn.turn} · ${turn.phase}` : ''}
        </p>
        <h1 id="ex-handover-title">Pass to {name}</h1>
        <p className="ex-handover-lead">
          The last view is hidden. {target === WHITE ? 'White cell' : name}: take the seat, then
          reveal your view.
        </p>
        {turn?.deadline != null && turn.phase === 'planning' && (
          <div className="ex-handover-clock">
            <Countdown deadline={turn.deadline} turn={turn.turn} enlarge={false} />
          </div>
        )}
        <form
          className="ex-handover-form"
          onSubmit={(e) => {
            e.preventDefault();
            void reveal();
          }}
        >
          {role?.hasPasscode && (
            <label className="ex-field" htmlFor={passId}>
              <span>{name}'s passcode</span>
              <input
                id={passId}
                type="password"
                autoComplete="off"
                value={pass}
                aria-invalid={error !== null}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => setPass(e.target.value)}
              />
            </label>
          )}
          <button type="submit" className="btn primary big ex-reveal" disabled={busy}>
            {busy ? 'Opening…' : `Reveal ${target === WHITE ? 'the white cell' : name}'s view`}
          </button>
          {error && (
            <p className="ex-handover-error" role="alert" id={errorId}>
              {error}
            </p>
          )}
        </form>
        {view && view.roles.length > 2 && (
          <label className="ex-field ex-handover-other">
            <span>Or pass to</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {view.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {turn?.ready.includes(r.id) ? ' (ready)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
