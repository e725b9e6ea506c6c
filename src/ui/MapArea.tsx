// The map area: the element the MapView draws into, with overlays on top — whose picture is
// shown, zoom, fit, measure, save-as-PNG and help buttons, layer toggles, the legend, the scale
// bar and cursor readout, the measuring tool, the hover card and the loading/error state.
import { useCallback, useEffect, useId, useState } from 'react';
import { LAYER_IDS, LAYER_LABELS } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import { attachMapContainer, changeView, currentMap, fitMap, zoomMap } from '../store/bridge';
import { setHelpOpen } from '../store/map-tools';
import { useSession } from '../store/react';
import { type SessionState, setLayer } from '../store/session';
import { WhiteOnly } from './exercise/SeekLock';
import { inkOn } from './format';
import { Legend } from './Legend';
import { MapReadout } from './map-tools/MapReadout';
import { MeasureButton, MeasureOnMap, MeasureReadout } from './map-tools/MeasureTool';
import { SavePngButton } from './map-tools/SavePngButton';
import { OrdersOverlay, onMapContextMenu } from './orders/OrdersOverlay';
import { ExportMapButtons } from './session/ExportMap';
import { keyLabel } from './shortcuts';
import { useStoredToggle } from './stored-toggle';

/**
 * Whose picture the map shows, and the control to change it: ground truth or an actor. Folds
 * to a one-line pill naming the picture (remembered), so it covers little of a projected map.
 */
function ViewBanner() {
  const view = useSession((s) => s.view);
  const actors = useSession((s) => s.description?.actors);
  const scenarioName = useSession((s) => s.description?.scenario.name ?? '');
  const set = useSession((s) => s.set);
  const [open, setOpen] = useStoredToggle('concord.banner');
  const detailsId = useId();
  const name = set.length ? `${scenarioName} · ${set.join(', ')}` : scenarioName;
  const actor = view >= 0 ? actors?.[view] : undefined;
  const style = actor ? { background: actor.color, color: inkOn(actor.color) } : undefined;
  const who = actor ? `${actor.name}'s picture` : 'Ground truth';
  return (
    <div
      className={`view-banner ${actor ? 'actor' : 'truth'}${open ? '' : ' folded'}`}
      style={style}
    >
      <button
        type="button"
        className="vb-toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        aria-label={open ? 'Fold the view banner' : `Showing ${who}: open the view banner`}
        title={open ? 'Fold the banner' : 'Change the view'}
        onClick={() => setOpen(!open)}
      >
        {open ? '◂' : '▸'}
      </button>
      {!open && <span className="vb-who">{who}</span>}
      <div className="vb-details" id={detailsId} hidden={!open}>
        <label className="view-pick">
          <span className="view-label">Showing</span>
          <select
            value={view}
            aria-label="View"
            id="view"
            onChange={(e) => void changeView(Number(e.target.value))}
            disabled={!actors}
          >
            <option value={-1}>Ground truth (white cell)</option>
            {actors?.map((a, i) => (
              <option key={a.id} value={i}>
                {a.name}'s picture
              </option>
            ))}
          </select>
        </label>
        <span className="view-note">
          {actor ? `only what ${actor.name} knows` : 'every force, threat and message'}
        </span>
        <span className="scenario-name" title={name}>
          {name}
        </span>
      </div>
    </div>
  );
}

function MapControls() {
  const layers = useSession((s) => s.layers);
  const [open, setOpen] = useState(false);
  return (
    <div className="map-controls">
      <div className="zoom">
        <button type="button" onClick={() => zoomMap(1.5)} title="Zoom in" aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          onClick={() => zoomMap(1 / 1.5)}
          title="Zoom out"
          aria-label="Zoom out"
        >
          −
        </button>
        <button
          type="button"
          onClick={() => fitMap()}
          title="Fit the scenario area"
          className="fit"
        >
          Fit
        </button>
        <MeasureButton />
        <SavePngButton />
        <button
          type="button"
          onClick={() => setHelpOpen(true)}
          title={`Keyboard shortcuts (${keyLabel('help')})`}
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts={keyLabel('help')}
          className="help"
        >
          ?
        </button>
      </div>
      <div className="layers">
        <button
          type="button"
          className={`layers-toggle${open ? ' on' : ''}`}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Layers {open ? '▴' : '▾'}
        </button>
        {open && (
          <ul className="layer-list">
            <WhiteOnly>
              <li className="layer-export">
                <span>Export the map</span>
                <ExportMapButtons />
              </li>
            </WhiteOnly>
            {[...LAYER_IDS].reverse().map((id) => (
              <li key={id}>
                <label>
                  <input
                    type="checkbox"
                    checked={layers[id]}
                    onChange={(e) => setLayer(id, e.target.checked, 'user')}
                  />
                  {LAYER_LABELS[id]}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function HoverCard() {
  const hover = useSession((s) => s.hover);
  if (!hover) return null;
  return (
    <div className="hover-card" style={{ left: hover.x + 16, top: hover.y + 16 }}>
      <div className="hc-title">{hover.title}</div>
      {hover.lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}

function StatusOverlay() {
  const status = useSession((s) => s.status);
  const withSet = useSession((s) => s.set.length > 0);
  if (status.phase === 'ready') return null;
  return (
    <div
      className={`map-status ${status.phase}`}
      role={status.phase === 'error' ? 'alert' : 'status'}
    >
      {status.phase === 'loading' && <div className="spinner" />}
      <pre>{status.message}</pre>
      {status.phase === 'error' && (
        <p className="status-next">
          {withSet
            ? 'Press Load to open the scenario without the assignments, or pick another scenario.'
            : 'Pick a scenario and seed in the top bar, then press Load.'}
        </p>
      )}
    </div>
  );
}

/** What the map is and whose picture it shows: "Map of Liptako-Gourma — Mali's picture". */
function mapLabel(s: SessionState): string {
  const d = s.description;
  if (!d) return 'Map (no scenario loaded)';
  const region = d.scenario.name.split(':')[0]!.trim();
  const actor = s.view >= 0 ? d.actors[s.view] : undefined;
  return `Map of ${region} — ${actor ? `${actor.name}'s picture` : 'ground truth (white cell)'}`;
}

/**
 * A sign over the map from the moment the run is ready until the map has drawn its first
 * frame (the MapView counts frames): building the basemap and symbols takes seconds with
 * software WebGL, and a blank map would look broken. Polls once per animation frame meanwhile.
 */
function MapDrawing() {
  const ready = useSession((s) => s.status.phase === 'ready');
  const description = useSession((s) => s.description);
  const [drawnFor, setDrawnFor] = useState<WorldDescription | null>(null);
  useEffect(() => {
    if (!ready || !description) return;
    let raf = 0;
    const poll = () => {
      // A new description gets a new map (app-map.ts), which counts from zero.
      if ((currentMap()?.stats().frames ?? 0) > 0) setDrawnFor(description);
      else raf = requestAnimationFrame(poll);
    };
    poll();
    return () => cancelAnimationFrame(raf);
  }, [ready, description]);
  if (!ready || !description || drawnFor === description) return null;
  return (
    <div className="map-drawing" role="status">
      <div className="spinner" />
      <span>Drawing the map…</span>
    </div>
  );
}

export function MapArea() {
  const ref = useCallback((el: HTMLDivElement | null) => attachMapContainer(el), []);
  const label = useSession(mapLabel);
  return (
    <section className="map-area" aria-label="Map">
      <div
        className="map-host"
        ref={ref}
        role="application"
        aria-label={label}
        // Right-click orders the selected unit; from the keyboard: O (menu), M (move), U (units).
        onContextMenu={onMapContextMenu}
      />
      <MapDrawing />
      <ViewBanner />
      <MapControls />
      <Legend />
      <MeasureOnMap />
      <MapReadout above={<MeasureReadout />} />
      <HoverCard />
      <OrdersOverlay />
      <StatusOverlay />
    </section>
  );
}
