// The right-hand column: one panel at a time under a row of tabs.
import { useExercise, useSession } from '../store/react';
import { type PanelId, setPanel } from '../store/session';
import { MselPanel } from './msel/MselPanel';
import { OrbatPanel } from './orbat/OrbatPanel';
import { Actors } from './panels/Actors';
import { Agreements } from './panels/Agreements';
import { Charts } from './panels/Charts';
import { EventLog } from './panels/EventLog';
import { Experiments } from './panels/Experiments';
import { Inspector } from './panels/Inspector';
import { TabRow } from './TabRow';

const TABS: Array<{ id: PanelId; label: string }> = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'orbat', label: 'ORBAT' },
  { id: 'events', label: 'Events' },
  { id: 'actors', label: 'Actors' },
  { id: 'agreements', label: 'Agreements' },
  { id: 'charts', label: 'Metrics' },
  { id: 'experiments', label: 'Experiments' },
  // The white cell's exercise control: shown only to it, in an exercise.
  { id: 'msel', label: 'MSEL' },
];

export function SidePanel() {
  const panel = useSession((s) => s.panel);
  const msel = useExercise((s) => s.active && s.view?.msel != null);
  return (
    // Experiment results need room: the column widens while that panel is open.
    <aside className={panel === 'experiments' ? 'side wide' : 'side'}>
      <TabRow
        className="tabs"
        idPrefix="tab-"
        tabs={TABS.filter((t) => t.id !== 'msel' || msel)}
        selected={panel}
        onSelect={(id) => setPanel(id, 'user')}
      />
      <div
        className="panel-body"
        data-panel={panel}
        role="tabpanel"
        aria-labelledby={`tab-${panel}`}
        id={`panel-${panel}`}
      >
        {panel === 'inspector' && <Inspector />}
        {panel === 'orbat' && <OrbatPanel />}
        {panel === 'events' && <EventLog />}
        {panel === 'actors' && <Actors />}
        {panel === 'agreements' && <Agreements />}
        {panel === 'charts' && <Charts />}
        {panel === 'experiments' && <Experiments />}
        {panel === 'msel' && <MselPanel />}
      </div>
    </aside>
  );
}
