// The map's instruments, bottom right (above the key when the key is open along the bottom):
// the cursor's position (degrees and MGRS, only while the pointer is over the map) beside the
// scale bar (a round length at the ground scale of the view's centre, in km, and in nautical
// miles too for a scenario with forces at sea). They let clicks through to the map. The
// measuring tool's panel sits above them.
import { type ReactNode, useRef } from 'react';
import { KM_PER_NM, scaleBar } from '../../map/scale-bar';
import { useSession } from '../../store/react';
import { useClearOfKey } from './use-clear-of-key';
import { useMapTools } from './use-map-tools';
import { formatBarLength, formatDegrees, formatMgrs } from './words';

/** The scale bar's longest length on screen, CSS px. */
const BAR_MAX_PX = 150;

function Bar({ kmPerPx, unit }: { kmPerPx: number; unit: 'km' | 'NM' }) {
  const bar = scaleBar(kmPerPx, BAR_MAX_PX, unit === 'km' ? 1 : KM_PER_NM);
  if (!bar) return null;
  const label = formatBarLength(bar.length, unit);
  return (
    <div className="ms-row" data-unit={unit}>
      <span className="ms-bar" style={{ width: `${Math.round(bar.px)}px` }} />
      <span className="ms-label">{label}</span>
    </div>
  );
}

function ScaleBar() {
  const kmPerPx = useMapTools((s) => s.scale?.kmPerPx ?? 0);
  const maritime = useSession(
    (s) => s.description?.unitTypes.some((t) => t.domain === 'sea') ?? false,
  );
  if (!(kmPerPx > 0)) return null;
  return (
    <div className="map-scale" title="Scale at the centre of the map">
      <Bar kmPerPx={kmPerPx} unit="km" />
      {maritime && <Bar kmPerPx={kmPerPx} unit="NM" />}
    </div>
  );
}

/**
 * Where the pointer is. Off the map the box is hidden but keeps its room: the measuring panel
 * beside it must not move in under the pointer as it leaves (and back as it comes in).
 */
function CursorReadout() {
  const at = useMapTools((s) => s.pointer);
  const mgrs = at ? formatMgrs(at.lon, at.lat) : '';
  return (
    <div className={`cursor-readout${at ? '' : ' away'}`} aria-hidden="true">
      <span className="cr-deg">{at ? formatDegrees(at.lon, at.lat) : '—'}</span>
      <span className="cr-mgrs" title="MGRS, 10 m">
        {mgrs ? `MGRS ${mgrs}` : '—'}
      </span>
    </div>
  );
}

/** The bottom-right stack: `above` (the measuring panel) over the cursor readout and scale bar. */
export function MapReadout({ above }: { above?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useClearOfKey(ref);
  const ready = useSession((s) => s.status.phase === 'ready');
  return (
    <div className="map-tools" ref={ref} hidden={!ready}>
      {above}
      <div className="mt-readouts">
        <CursorReadout />
        <ScaleBar />
      </div>
    </div>
  );
}
