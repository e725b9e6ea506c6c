// The keyboard help (?): every shortcut the app has, from the one list in shortcuts.ts, grouped
// as the help lists them. A modal dialog: Escape or ✕ closes it.

import { setHelpOpen } from '../../store/map-tools';
import { Dialog } from '../exercise/Dialog';
import { SHORTCUT_GROUPS, SHORTCUTS, type ShortcutGroup } from '../shortcuts';
import { useMapTools } from './use-map-tools';

/** The groups the app's screens list (author mode's keys have their own help). */
const APP_GROUPS: readonly ShortcutGroup[] = ['clock', 'orders', 'tools', 'controls'];

function HelpBody(props: { groups: readonly ShortcutGroup[] }) {
  return (
    <div className="help-groups">
      {SHORTCUT_GROUPS.filter((g) => props.groups.includes(g.id)).map((g) => (
        <section key={g.id} className="help-group" aria-labelledby={`help-${g.id}`}>
          <h3 id={`help-${g.id}`}>
            {g.title}
            {g.note && <span className="help-note"> · {g.note}</span>}
          </h3>
          <dl className="help-list">
            {SHORTCUTS.filter((s) => s.group === g.id).map((s) => (
              <div key={s.id} className="help-item" data-shortcut={s.id}>
                <dt>
                  <kbd>{s.label}</kbd>
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function HelpDialog(props: { groups?: readonly ShortcutGroup[] }) {
  const open = useMapTools((s) => s.helpOpen);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setHelpOpen(false)} className="help-dialog">
      <HelpBody groups={props.groups ?? APP_GROUPS} />
    </Dialog>
  );
}
