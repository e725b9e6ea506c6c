// One MSEL entry in a form, in a modal dialog: every field, each with its problems under it
// (linked by aria-describedby) and Save blocked while there are any. A fired entry is history:
// only its subject, message and expected action may change, and it cannot be deleted.
import { useMemo, useState } from 'react';
import type { ExerciseView } from '../../../workers/exercise-view';
import { MSEL_METHODS, type MselEntry, type MselMethod } from '../../exercise/msel';
import type { Scenario } from '../../scenario/schema';
import { Dialog } from './Dialog';
import { EffectFields } from './EffectFields';
import { fieldId, inputProps, Problems } from './FormBits';
import { entryToDraft, type FormDraft, formProblems } from './form';
import { TimingFields } from './TimingFields';
import { shortName, tickDPlus } from './words';

export interface EntryFormProps {
  /** The serial the entry replaces; null for a new one. */
  serial: string | null;
  entry: MselEntry;
  /** Every entry of the MSEL as saved. */
  entries: readonly MselEntry[];
  /** When the entry last fired (tick), if it has. */
  firedTick: number | null;
  sc: Scenario | null;
  roles: ExerciseView['roles'];
  tickMinutes: number;
  nowTick: number;
  busy: boolean;
  onSave(serial: string | null, entry: MselEntry): void;
  onClose(): void;
  onDuplicate(serial: string): void;
  onDelete(serial: string): void;
  onFire(serial: string): void;
}

export function EntryForm(p: EntryFormProps) {
  const [draft, setDraft] = useState<FormDraft>(() => entryToDraft(p.entry));
  const set = (patch: Partial<FormDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const others = useMemo(
    () => p.entries.filter((e) => e.serial !== p.serial),
    [p.entries, p.serial],
  );
  const { entry, problems } = useMemo(
    () => formProblems(draft, others, p.sc),
    [draft, others, p.sc],
  );
  const fired = p.firedTick !== null;
  const general = problems.filter((x) => x.field === 'form');
  const played = new Set(p.roles.map((r) => r.actor).filter((a): a is string => a !== null));
  const title =
    p.serial === null ? `New entry ${draft.serial}` : `Entry ${p.serial}${fired ? ' (fired)' : ''}`;
  return (
    <Dialog labelledBy="msel-form-title" onClose={p.onClose} className="msel-form-dialog">
      <form
        className="msel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (entry && !p.busy) p.onSave(p.serial, entry);
        }}
      >
        <header className="msel-dialog-head">
          <h2 id="msel-form-title">{title}</h2>
          {fired && (
            <p className="msel-note" id="msel-fired-note">
              Fired at {tickDPlus(p.firedTick!, p.tickMinutes)}: only its subject, message and
              expected action can change.
            </p>
          )}
          <button type="button" className="msel-x" aria-label="Close" onClick={p.onClose}>
            ✕
          </button>
        </header>
        <div className="msel-form-body">
          <fieldset className="msel-col" disabled={fired}>
            <div className="msel-pair">
              <div className="msel-field">
                <label htmlFor={fieldId('serial')}>No. (serial)</label>
                <input
                  {...inputProps(problems, 'serial')}
                  className="mono msel-serial-input"
                  value={draft.serial}
                  onChange={(e) => set({ serial: e.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                />
                <Problems problems={problems} field="serial" />
              </div>
              <div className="msel-field">
                <label htmlFor={fieldId('method')}>Method</label>
                <select
                  {...inputProps(problems, 'method')}
                  value={draft.method}
                  onChange={(e) => set({ method: e.target.value as MselMethod })}
                >
                  {MSEL_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
                <Problems problems={problems} field="method" />
              </div>
            </div>
            <TimingFields
              draft={draft}
              set={set}
              problems={problems}
              sc={p.sc}
              nowMinutes={p.nowTick * p.tickMinutes}
            />
            <div className="msel-field">
              <label htmlFor={fieldId('from')}>From</label>
              <input
                {...inputProps(problems, 'from', 'msel-from-hint')}
                value={draft.from}
                onChange={(e) => set({ from: e.target.value })}
                list="msel-from-list"
                autoComplete="off"
              />
              <span className="msel-hint" id="msel-from-hint">
                Who sends it in the fiction: EXCON, a ministry, the press…
              </span>
              <datalist id="msel-from-list">
                <option value="EXCON" />
                {(p.sc?.actors ?? []).map((a) => (
                  <option key={a.id} value={shortName(a.name)} />
                ))}
              </datalist>
              <Problems problems={problems} field="from" />
            </div>
            <fieldset className="msel-field msel-sub" {...toDescribed(problems)}>
              <legend>To</legend>
              <div className="msel-checks">
                {(p.sc?.actors ?? []).map((a) => (
                  <label className="msel-radio" key={a.id}>
                    <input
                      type="checkbox"
                      checked={draft.to.includes(a.id)}
                      onChange={(e) =>
                        set({
                          to: e.target.checked
                            ? [...draft.to, a.id]
                            : draft.to.filter((x) => x !== a.id),
                        })
                      }
                    />
                    <span className="nowrap">{shortName(a.name)}</span>
                    {!played.has(a.id) && <span className="msel-small muted">(not played)</span>}
                  </label>
                ))}
              </div>
              <span className="msel-hint" id="msel-to-hint">
                {draft.to.length ? '' : 'None ticked: every role receives it.'}
              </span>
              <Problems problems={problems} field="to" />
            </fieldset>
          </fieldset>
          <div className="msel-col">
            <div className="msel-field">
              <label htmlFor={fieldId('subject')}>Subject</label>
              <input
                {...inputProps(problems, 'subject')}
                value={draft.subject}
                onChange={(e) => set({ subject: e.target.value })}
              />
              <Problems problems={problems} field="subject" />
            </div>
            <div className="msel-field">
              <label htmlFor={fieldId('message')}>Message</label>
              <textarea
                {...inputProps(problems, 'message')}
                rows={5}
                value={draft.message}
                onChange={(e) => set({ message: e.target.value })}
              />
              <Problems problems={problems} field="message" />
            </div>
            <div className="msel-field">
              <label htmlFor={fieldId('expectedAction')}>Expected player action</label>
              <textarea
                {...inputProps(problems, 'expectedAction')}
                rows={3}
                value={draft.expectedAction}
                onChange={(e) => set({ expectedAction: e.target.value })}
              />
              <Problems problems={problems} field="expectedAction" />
            </div>
            <fieldset className="msel-plain" disabled={fired}>
              <EffectFields draft={draft} set={set} problems={problems} sc={p.sc} />
            </fieldset>
          </div>
        </div>
        <footer className="msel-dialog-foot">
          <div className="msel-form-status" id="msel-form-status" role="status">
            {general.map((g) => (
              <p key={g.message} className="msel-problem">
                {g.message}
              </p>
            ))}
            {problems.length > 0 && (
              <p className="msel-problem">
                {problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix before
                saving.
              </p>
            )}
            {!p.sc && <p className="msel-hint">Loading the scenario's tables…</p>}
          </div>
          <div className="msel-buttons">
            {p.serial !== null && (
              <>
                <button
                  type="button"
                  className="btn"
                  onClick={() => p.onDuplicate(p.serial!)}
                  disabled={p.busy}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => p.onFire(p.serial!)}
                  disabled={p.busy}
                >
                  {fired ? 'Fire again…' : 'Fire now…'}
                </button>
                {!fired && (
                  <button
                    type="button"
                    className="btn danger"
                    onClick={() => p.onDelete(p.serial!)}
                    disabled={p.busy}
                  >
                    Delete
                  </button>
                )}
              </>
            )}
            <span className="msel-spacer" />
            <button type="button" className="btn" onClick={p.onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="btn primary"
              disabled={!entry || p.busy || !p.sc}
              aria-describedby={problems.length ? 'msel-form-status' : undefined}
            >
              {p.busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </footer>
      </form>
    </Dialog>
  );
}

function toDescribed(problems: Parameters<typeof inputProps>[0]) {
  const p = inputProps(problems, 'to', 'msel-to-hint');
  return { id: p.id, 'aria-describedby': p['aria-describedby'] };
}
