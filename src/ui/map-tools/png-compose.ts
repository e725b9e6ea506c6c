// Draws the saved map picture: the map as extracted from its own canvas, then a band below it
// in the app's dark chrome with the scenario's title, the clock and whose view it is (the scale
// bar at their right), and a key of the forces' colours. Everything is laid out in CSS px and
// drawn at the map canvas's density (`scale` device px per CSS px), so text and bars keep the
// size they have on screen and the map keeps every pixel it has.

/** What goes in the band, in words and CSS px (png-words.ts and the map's scale). */
export interface PngCaption {
  title: string;
  clock: string;
  view: string;
  /** The forces' key: short names and display colours (CSS colours). */
  key: ReadonlyArray<{ name: string; color: string }>;
  /** Scale bars: length on screen (CSS px) and label ("200 km"); empty: no scale bar. */
  bars: ReadonlyArray<{ px: number; label: string }>;
}

const CHROME = '#0f1923';
const TEXT = '#f2f5f8';
const MUTED = '#a9b8c6';
const FONT = 'system-ui, sans-serif';
const PAD = 14;
const TITLE_H = 28;
const INFO_H = 24;
const KEY_H = 24;
const CHIP = 14;
const CHIP_GAP = 6;
const ITEM_GAP = 20;
const BAR_H = 20;
/** Room on the right of the title and clock kept for the scale bars, CSS px. */
const BAR_ROOM = 250;

type Ctx = CanvasRenderingContext2D;
interface Placed {
  name: string;
  color: string;
  x: number;
  row: number;
}

/** The key's items placed left to right, wrapping at `width` (CSS px). */
function layoutKey(g: Ctx, key: PngCaption['key'], width: number): Placed[] {
  g.font = `14px ${FONT}`;
  const out: Placed[] = [];
  let x = PAD + g.measureText('Forces').width + ITEM_GAP;
  let row = 0;
  for (const k of key) {
    const w = CHIP + CHIP_GAP + g.measureText(k.name).width;
    if (x + w > width - PAD && out.some((p) => p.row === row)) {
      row++;
      x = PAD;
    }
    out.push({ ...k, x, row });
    x += w + ITEM_GAP;
  }
  return out;
}

/** Scale bars right-aligned in the title and clock rows: a bar with end ticks, its label. */
function drawBars(g: Ctx, bars: PngCaption['bars'], width: number): void {
  g.font = `14px ${FONT}`;
  g.textBaseline = 'middle';
  const labelW = Math.max(0, ...bars.map((b) => g.measureText(b.label).width));
  bars.forEach((b, i) => {
    const y = PAD + 6 + i * BAR_H + BAR_H / 2;
    const x1 = width - PAD - labelW - 8;
    const x0 = x1 - b.px;
    g.fillStyle = TEXT;
    g.fillRect(x0, y - 1.5, b.px, 3);
    g.fillRect(x0, y - 6, 2, 12);
    g.fillRect(x1 - 2, y - 6, 2, 12);
    g.fillText(b.label, x1 + 8, y);
  });
}

function drawKey(g: Ctx, placed: Placed[], top: number): void {
  g.textBaseline = 'middle';
  g.font = `14px ${FONT}`;
  g.fillStyle = MUTED;
  g.fillText('Forces', PAD, top + KEY_H / 2);
  for (const p of placed) {
    const y = top + p.row * KEY_H + KEY_H / 2;
    g.fillStyle = TEXT;
    g.fillRect(p.x - 1, y - CHIP / 2 - 1, CHIP + 2, CHIP + 2);
    g.fillStyle = p.color;
    g.fillRect(p.x, y - CHIP / 2, CHIP, CHIP);
    g.fillStyle = TEXT;
    g.fillText(p.name, p.x + CHIP + CHIP_GAP, y);
  }
}

/**
 * The map picture `shot` (device px) with the caption's band below it, on a new canvas as wide
 * as the map. `scale`: device px per CSS px of the map canvas.
 */
export function composeMapPng(
  shot: CanvasImageSource & { width: number; height: number },
  caption: PngCaption,
  scale: number,
): HTMLCanvasElement {
  const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const width = shot.width / s; // CSS px
  const out = document.createElement('canvas');
  const g = out.getContext('2d');
  if (!g) throw new Error('No 2D canvas to draw the map picture on');
  const placed = layoutKey(g, caption.key, width);
  const keyRows = placed.length ? Math.max(...placed.map((p) => p.row)) + 1 : 0;
  const band = PAD + TITLE_H + INFO_H + (keyRows ? 8 + keyRows * KEY_H : 0) + PAD;
  out.width = shot.width;
  out.height = shot.height + Math.ceil(band * s);
  const gg = out.getContext('2d')!; // resizing reset the state: a fresh start
  gg.drawImage(shot, 0, 0);
  gg.setTransform(s, 0, 0, s, 0, shot.height);
  gg.fillStyle = CHROME;
  gg.fillRect(0, 0, width, out.height / s);
  const textW = width - 2 * PAD - (caption.bars.length ? BAR_ROOM : 0);
  gg.textBaseline = 'middle';
  gg.fillStyle = TEXT;
  gg.font = `600 18px ${FONT}`;
  gg.fillText(caption.title, PAD, PAD + TITLE_H / 2, Math.max(40, textW));
  gg.font = `15px ${FONT}`;
  const info = `${caption.clock}  ·  ${caption.view}`;
  gg.fillText(info, PAD, PAD + TITLE_H + INFO_H / 2, Math.max(40, textW));
  drawBars(gg, caption.bars, width);
  if (keyRows) drawKey(gg, placed, PAD + TITLE_H + INFO_H + 8);
  return out;
}
