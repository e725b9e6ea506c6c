// "Save map as PNG" (the button in the map's +, −, Fit column, and P): the map exactly as this
// screen shows it — taken from the map's own canvas, so a player's file holds only the role's
// picture — with the scenario's title, the clock, whose view it is, the scale bar and the
// forces' colours drawn below it (png-compose.ts), the title and view also in the file's text
// chunks (png-text.ts), downloaded as `<scenario>-D+<day>-<HHMM>-<view>.png`.
import { KM_PER_NM, scaleBar } from '../../map/scale-bar';
import { currentMap } from '../../store/bridge';
import { shortName } from '../../store/feed';
import { getMapTools } from '../../store/map-tools';
import { getSession, setNotice } from '../../store/session';
import { download } from '../download';
import { composeMapPng, type PngCaption } from './png-compose';
import { withPngText } from './png-text';
import { clockWords, ownersPresent, pngFileName, titleWords, viewWords } from './png-words';
import { formatBarLength } from './words';

/** The scale bar's longest length, CSS px (as the on-screen bar, MapReadout.tsx). */
const BAR_MAX_PX = 150;

/** The scale bars the screen shows now: km, and NM for a scenario with forces at sea. */
function bars(maritime: boolean): PngCaption['bars'] {
  const kmPerPx = getMapTools().scale?.kmPerPx ?? 0;
  const units = maritime ? (['km', 'NM'] as const) : (['km'] as const);
  return units.flatMap((unit) => {
    const bar = scaleBar(kmPerPx, BAR_MAX_PX, unit === 'km' ? 1 : KM_PER_NM);
    return bar ? [{ px: bar.px, label: formatBarLength(bar.length, unit) }] : [];
  });
}

function toPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('The browser could not encode the PNG'));
      else blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, 'image/png');
  });
}

/** Draws and downloads the picture; false when no map is on screen. */
export async function saveMapPng(): Promise<boolean> {
  const map = currentMap();
  const s = getSession();
  const d = s.description;
  if (!map || !d || s.status.phase !== 'ready') return false;
  const caption: PngCaption = {
    title: titleWords(d, s.set),
    clock: clockWords(d, s.clockMinutes),
    view: viewWords(d, s.view),
    key: ownersPresent(d, s.view).map((i) => ({
      name: shortName(d.actors[i]!),
      color: d.actors[i]!.color,
    })),
    bars: bars(d.unitTypes.some((t) => t.domain === 'sea')),
  };
  try {
    const shot = map.extractCanvas();
    // Device px per CSS px of the map canvas (devicePixelRatio; less in software GL).
    const host = document.querySelector<HTMLElement>('.map-host');
    const scale = shot.width / Math.max(1, host?.clientWidth ?? shot.width);
    const png = withPngText(await toPng(composeMapPng(shot, caption, scale)), {
      Title: caption.title,
      Description: `${caption.view} · ${caption.clock}`,
      Software: 'Concord',
    });
    download(pngFileName(d, s.view, s.clockMinutes), png, 'image/png');
    return true;
  } catch (e) {
    setNotice({ text: `Could not save the map: ${(e as Error).message}`, level: 'error' }, 'user');
    return false;
  }
}
