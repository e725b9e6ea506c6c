// The keyboard help (?): every shortcut the app has, from the one list in shortcuts.ts, grouped
// as the help lists them. A modal dialog: Escape or ✕ closes it.

import { setHelpOpen } from '../../store/map-tools';
import { Dialog } from '../exercise/Dialog';
import { SHORTCUT_GROUPS, SHORTCUTS } from '../shortcuts';
import { useMapTools } from './use-map-tools';

function HelpBody() {
  return (
    <div className="help-groups">
      {SHORTCUT_GROUPS.map((g) => (
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

export function HelpDialog() {
  const open = useMapTools((s) => s.helpOpen);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setHelpOpen(false)} className="help-dialog">
      <HelpBody />
    </Dialog>
  );
}
