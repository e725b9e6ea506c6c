// Symbol textures: every APP-6 code the scenario uses is drawn once by milsymbol into one
// atlas canvas (so unit, track and mover particles can share one texture source), together
// with a few plain glyphs (white square for bars, disc, ring, engagement burst, vessel).
// Cached by SIDC and size; built once per map.
import ms from 'milsymbol';
import { Rectangle, Texture } from 'pixi.js';
import { ownerSymbolOptions } from './colors';

export interface AtlasFrame {
  texture: Texture;
  /** Anchor (0..1) that puts the symbol's frame centre on the position. */
  ax: number;
  ay: number;
  /** Size in CSS px at scale 1/resolution. */
  w: number;
  h: number;
}

export interface SymbolAtlas {
  /** Texture source shared by every frame (ParticleContainer needs one). */
  texture: Texture;
  resolution: number;
  /**
   * A symbol; `fill` ('#rrggbb', the owner's colour) fills its frame in that colour, with the
   * icon in black or white, whichever reads on it, and a light halo around the whole symbol.
   */
  symbol(sidc: string, size: number, fill?: string): AtlasFrame;
  glyph(name: GlyphName): AtlasFrame;
  destroy(): void;
}

export type GlyphName =
  | 'white'
  | 'disc'
  | 'ring'
  | 'burst'
  | 'ship'
  | 'halo'
  | 'cross'
  | 'bang'
  | 'arrow';

/** Installation symbol used when a base has no code of its own. */
export const DEFAULT_BASE_SIDC = 'SFGPIB----H----';

/** Sizes (milsymbol `size`, CSS px) the map uses. */
export const SYMBOL_SIZE = { unit: 22, base: 20, threat: 18, mover: 12 } as const;

const GLYPH_PX = 32;

function drawGlyph(g: CanvasRenderingContext2D, name: GlyphName, s: number): void {
  const c = s / 2;
  g.fillStyle = '#fff';
  g.strokeStyle = '#fff';
  switch (name) {
    case 'white':
      g.fillRect(0, 0, s, s);
      break;
    case 'disc':
      g.beginPath();
      g.arc(c, c, c - 1, 0, Math.PI * 2);
      g.fill();
      break;
    case 'ring':
      g.lineWidth = s * 0.12;
      g.beginPath();
      g.arc(c, c, c - g.lineWidth, 0, Math.PI * 2);
      g.stroke();
      break;
    case 'halo': {
      const grad = g.createRadialGradient(c, c, 0, c, c, c);
      grad.addColorStop(0, 'rgba(255,255,255,0.9)');
      grad.addColorStop(1, 'rgba(255,255,255,0)');
      g.fillStyle = grad;
      g.fillRect(0, 0, s, s);
      break;
    }
    case 'burst': {
      // An eight-pointed star: "in contact".
      g.beginPath();
      for (let i = 0; i < 16; i++) {
        const r = i % 2 === 0 ? c - 1 : c * 0.42;
        const a = (i * Math.PI) / 8 - Math.PI / 2;
        g.lineTo(c + r * Math.cos(a), c + r * Math.sin(a));
      }
      g.closePath();
      g.fill();
      break;
    }
    case 'ship': {
      // A hull seen from above, bow up.
      g.beginPath();
      g.moveTo(c, 1);
      g.quadraticCurveTo(s * 0.8, s * 0.35, s * 0.72, s - 2);
      g.lineTo(s * 0.28, s - 2);
      g.quadraticCurveTo(s * 0.2, s * 0.35, c, 1);
      g.fill();
      break;
    }
    case 'bang': {
      // A warning triangle with an exclamation mark (sovereignty incident).
      g.beginPath();
      g.moveTo(c, 1);
      g.lineTo(s - 1, s - 2);
      g.lineTo(1, s - 2);
      g.closePath();
      g.fill();
      g.globalCompositeOperation = 'destination-out';
      g.fillRect(c - s * 0.06, s * 0.3, s * 0.12, s * 0.36);
      g.fillRect(c - s * 0.06, s * 0.74, s * 0.12, s * 0.12);
      g.globalCompositeOperation = 'source-over';
      break;
    }
    case 'arrow': {
      // A right-pointing arrow crossing a bar (cross-border movement).
      g.fillRect(s * 0.12, s * 0.1, s * 0.1, s * 0.8);
      g.beginPath();
      g.moveTo(s * 0.3, s * 0.38);
      g.lineTo(s * 0.62, s * 0.38);
      g.lineTo(s * 0.62, s * 0.2);
      g.lineTo(s * 0.95, c);
      g.lineTo(s * 0.62, s * 0.8);
      g.lineTo(s * 0.62, s * 0.62);
      g.lineTo(s * 0.3, s * 0.62);
      g.closePath();
      g.fill();
      break;
    }
    case 'cross':
      g.lineWidth = s * 0.18;
      g.lineCap = 'round';
      g.beginPath();
      g.moveTo(s * 0.2, s * 0.2);
      g.lineTo(s * 0.8, s * 0.8);
      g.moveTo(s * 0.8, s * 0.2);
      g.lineTo(s * 0.2, s * 0.8);
      g.stroke();
      break;
  }
}

interface Pending {
  key: string;
  canvas: HTMLCanvasElement;
  ax: number;
  ay: number;
}

/** Draws one milsymbol at device resolution; the anchor is the frame centre. */
function renderSymbol(
  sidc: string,
  size: number,
  resolution: number,
  fill: string | undefined,
): Pending {
  const sym = new ms.Symbol(
    sidc,
    fill
      ? { size: size * resolution, ...ownerSymbolOptions(fill) }
      : { size: size * resolution, outlineWidth: 5, outlineColor: 'rgba(20,20,20,0.75)' },
  );
  const canvas = sym.asCanvas();
  const a = sym.getAnchor();
  return {
    key: symbolKey(sidc, size, fill),
    canvas,
    ax: a.x / canvas.width,
    ay: a.y / canvas.height,
  };
}

const symbolKey = (sidc: string, size: number, fill: string | undefined) =>
  `${sidc}@${size}${fill ? `#${fill}` : ''}`;

/**
 * Builds the atlas for every (sidc, size) pair given; unknown codes fall back to milsymbol's
 * own "unknown" frame (it never throws on a bad code).
 */
export function buildSymbolAtlas(
  wanted: ReadonlyArray<readonly [string, number] | readonly [string, number, string]>,
  resolution: number,
): SymbolAtlas {
  const items: Pending[] = [];
  const seen = new Set<string>();
  for (const [sidc, size, fill] of wanted) {
    const key = symbolKey(sidc, size, fill);
    if (seen.has(key) || !sidc) continue;
    seen.add(key);
    items.push(renderSymbol(sidc, size, resolution, fill));
  }
  const glyphNames: GlyphName[] = [
    'white',
    'disc',
    'ring',
    'burst',
    'ship',
    'halo',
    'cross',
    'bang',
    'arrow',
  ];
  const gpx = GLYPH_PX * resolution;
  for (const name of glyphNames) {
    const canvas = document.createElement('canvas');
    canvas.width = gpx;
    canvas.height = gpx;
    const g = canvas.getContext('2d');
    if (g) drawGlyph(g, name, gpx);
    items.push({ key: `#${name}`, canvas, ax: 0.5, ay: 0.5 });
  }
  // Shelf packing, 2 px gutters, atlas width 1024 device px (2048 for big symbol sets).
  const W = items.length > 120 ? 2048 : 1024;
  const placed: Array<{ item: Pending; x: number; y: number }> = [];
  let x = 2;
  let y = 2;
  let rowH = 0;
  for (const it of [...items].sort((a, b) => b.canvas.height - a.canvas.height)) {
    if (x + it.canvas.width + 2 > W) {
      x = 2;
      y += rowH + 2;
      rowH = 0;
    }
    placed.push({ item: it, x, y });
    x += it.canvas.width + 2;
    rowH = Math.max(rowH, it.canvas.height);
  }
  const H = y + rowH + 2;
  const atlasCanvas = document.createElement('canvas');
  atlasCanvas.width = W;
  atlasCanvas.height = H;
  const g = atlasCanvas.getContext('2d');
  for (const p of placed) g?.drawImage(p.item.canvas, p.x, p.y);
  const base = Texture.from(atlasCanvas);
  const frames = new Map<string, AtlasFrame>();
  for (const p of placed) {
    const { canvas } = p.item;
    // The white square is sampled from its centre only, so bars have no soft edges.
    const inset = p.item.key === '#white' ? canvas.width / 4 : 0;
    const frame = new Rectangle(
      p.x + inset,
      p.y + inset,
      canvas.width - 2 * inset,
      canvas.height - 2 * inset,
    );
    frames.set(p.item.key, {
      texture: new Texture({ source: base.source, frame }),
      ax: p.item.ax,
      ay: p.item.ay,
      w: frame.width / resolution,
      h: frame.height / resolution,
    });
  }
  const fallback = frames.get('#disc')!;
  return {
    texture: base,
    resolution,
    symbol: (sidc, size, fill) =>
      frames.get(symbolKey(sidc, size, fill)) ??
      frames.get(symbolKey(sidc, size, undefined)) ??
      fallback,
    glyph: (name) => frames.get(`#${name}`) ?? fallback,
    destroy: () => base.destroy(true),
  };
}
