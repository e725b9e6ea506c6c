// "Fire now?" — firing is recorded and cannot be undone, so it asks first.
import type { MselEntry } from '../../exercise/msel';
import { Dialog } from './Dialog';

export function FireDialog(props: {
  entry: MselEntry;
  fired: boolean;
  /** Words for who receives it ("Niger, Mali" or "All roles"). */
  to: string;
  effect: string;
  onFire(): void;
  onCancel(): void;
}) {
  const e = props.entry;
  return (
    <Dialog labelledBy="msel-fire-title" describedBy="msel-fire-text" onClose={props.onCancel}>
      <div className="msel-confirm">
        <h2 id="msel-fire-title">
          {props.fired ? 'Fire again' : 'Fire now'}: entry {e.serial}
        </h2>
        <div id="msel-fire-text">
          <p>
            <strong>{e.subject || '(no subject)'}</strong>
          </p>
          <p>
            To {props.to} · effect: {props.effect}. It is recorded in the session and takes effect
            at the next tick; it cannot be taken back.
          </p>
          {props.fired && <p>It has fired before: the addressees get it again.</p>}
        </div>
        <div className="msel-buttons">
          <span className="msel-spacer" />
          <button type="button" className="btn" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={props.onFire}>
            Fire entry {e.serial}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
