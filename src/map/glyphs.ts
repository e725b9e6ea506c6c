// A pool of screen-constant glyphs drawn as particles of one atlas texture: each item (a unit,
// a track, a vessel) owns a fixed run of `per` particles with offsets and sizes in CSS px.
// `layout` places them at the items' world positions for the current zoom. Particles are
// reused across snapshots; the pool only grows (doubling), so a push allocates nothing.
import { Particle, ParticleContainer } from 'pixi.js';
import type { AtlasFrame, SymbolAtlas } from './symbols';

export interface GlyphSpec {
  frame: AtlasFrame;
  /** Offset of the anchor from the item's position, CSS px. */
  dx?: number;
  dy?: number;
  /** Drawn size in CSS px (defaults to the frame's own size). */
  w?: number;
  h?: number;
  /** Anchor override (0..1); defaults to the frame's anchor. */
  ax?: number;
  ay?: number;
  tint?: number;
  alpha?: number;
}

export class GlyphSet {
  readonly container: ParticleContainer;
  private particles: Particle[] = [];
  private dx = new Float32Array(0);
  private dy = new Float32Array(0);
  private sx = new Float32Array(0);
  private sy = new Float32Array(0);
  private frameW = new Float32Array(0);
  private frameH = new Float32Array(0);
  /** Items currently drawn. */
  count = 0;

  constructor(
    private readonly atlas: SymbolAtlas,
    readonly per: number,
  ) {
    this.container = new ParticleContainer({
      texture: atlas.texture,
      dynamicProperties: { position: true, vertex: true, color: true, rotation: false, uvs: true },
    });
  }

  /** Sets how many items are drawn, growing the pool when needed. */
  resize(n: number): void {
    const need = n * this.per;
    if (need > this.particles.length) {
      const cap = Math.max(need, this.particles.length * 2, 16 * this.per);
      const grow = (a: Float32Array) => {
        const b = new Float32Array(cap);
        b.set(a);
        return b;
      };
      this.dx = grow(this.dx);
      this.dy = grow(this.dy);
      this.sx = grow(this.sx);
      this.sy = grow(this.sy);
      this.frameW = grow(this.frameW);
      this.frameH = grow(this.frameH);
      const white = this.atlas.glyph('white');
      for (let p = this.particles.length; p < cap; p++) {
        this.particles.push(new Particle({ texture: white.texture, alpha: 0 }));
        this.frameW[p] = white.w;
        this.frameH[p] = white.h;
      }
    }
    if (n === this.count) return;
    const kids = this.container.particleChildren;
    if (need < kids.length) kids.length = need;
    else for (let p = kids.length; p < need; p++) kids.push(this.particles[p]!);
    this.count = n;
    this.container.update();
  }

  /** Sets glyph j of an item (texture, anchor, offset, size, tint, alpha). */
  set(item: number, j: number, s: GlyphSpec): void {
    const p = item * this.per + j;
    const part = this.particles[p]!;
    const f = s.frame;
    part.texture = f.texture;
    part.anchorX = s.ax ?? f.ax;
    part.anchorY = s.ay ?? f.ay;
    part.tint = s.tint ?? 0xffffff;
    part.alpha = s.alpha ?? 1;
    this.dx[p] = s.dx ?? 0;
    this.dy[p] = s.dy ?? 0;
    this.frameW[p] = f.w;
    this.frameH[p] = f.h;
    const r = this.atlas.resolution;
    // Texture px are device px (source resolution 1): a CSS px is r texture px.
    this.sx[p] = (s.w ?? f.w) / (f.w * r);
    this.sy[p] = (s.h ?? f.h) / (f.h * r);
  }

  /** Changes a glyph's drawn width in CSS px (bars). */
  setWidth(item: number, j: number, widthPx: number): void {
    const p = item * this.per + j;
    this.sx[p] = widthPx / (this.frameW[p]! * this.atlas.resolution);
  }

  /** Changes a glyph's drawn size in CSS px (both axes). */
  setSize(item: number, j: number, wPx: number, hPx: number): void {
    const p = item * this.per + j;
    const r = this.atlas.resolution;
    this.sx[p] = wPx / (this.frameW[p]! * r);
    this.sy[p] = hPx / (this.frameH[p]! * r);
  }

  particle(item: number, j: number): Particle {
    return this.particles[item * this.per + j]!;
  }

  /** Places every drawn particle: item positions in world units, ik = 1 / camera scale. */
  layout(xs: ArrayLike<number>, ys: ArrayLike<number>, ik: number): void {
    const { particles, dx, dy, sx, sy, per } = this;
    const n = this.count;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      for (let j = 0, p = i * per; j < per; j++, p++) {
        const part = particles[p]!;
        part.x = x + dx[p]! * ik;
        part.y = y + dy[p]! * ik;
        part.scaleX = sx[p]! * ik;
        part.scaleY = sy[p]! * ik;
      }
    }
  }

  destroy(): void {
    this.container.destroy();
    this.particles = [];
  }
}
