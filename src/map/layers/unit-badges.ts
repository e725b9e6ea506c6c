// Count chips on aggregated unit symbols ("×7" under the symbol, in its bars' place): a rounded
// chip in the owner's colour with the number in its ink colour (black or white, `inkFor`),
// 14 px bold so it reads from the back of a room. The numbers are BitmapText from one tintable
// font this map installs (one glyph texture, no canvas text per chip). Chips are pooled and
// redrawn only when the clusters change; frames only move them.
import { BitmapFont, BitmapText, Container, Graphics } from 'pixi.js';
import { inkFor, PALETTE, parseColor } from '../colors';

/** Font size of the count, CSS px (the projector minimum). */
const FONT_PX = 14;
const CHIP_H = 17;
const PAD_X = 4;

let fonts = 0;

interface Chip {
  root: Container;
  bg: Graphics;
  text: BitmapText;
  /** What the chip was drawn for, to skip redrawing an unchanged chip. */
  key: string;
}

export class UnitBadges {
  readonly container = new Container({ label: 'unit-counts' });
  private readonly chips: Chip[] = [];
  private readonly font: string;
  /** Chips in use. */
  count = 0;

  constructor(resolution: number) {
    // One font per map: destroying a map must not pull glyphs from under another (review
    // mode shows two maps at once).
    this.font = `concord-unit-count-${++fonts}`;
    BitmapFont.install({
      name: this.font,
      style: {
        fontFamily: 'Arial, Helvetica, sans-serif',
        fontSize: FONT_PX,
        fontWeight: '700',
        fill: 0xffffff,
      },
      chars: [['0', '9'], '×'],
      resolution: Math.max(1, resolution),
      dynamicFill: true,
    });
  }

  /**
   * Chip i shows `n` in owner colour `fill` ('#rrggbb'), its centre (dx, dy) CSS px from the
   * cluster's position.
   */
  set(i: number, n: number, fill: string, dx: number, dy: number): void {
    const chip = this.chips[i] ?? this.make();
    chip.root.visible = true;
    const key = `${n}${fill}`;
    if (chip.key !== key) {
      chip.key = key;
      chip.text.text = `×${n}`;
      chip.text.tint = parseColor(inkFor(fill));
      const w = Math.max(CHIP_H, Math.ceil(chip.text.width) + 2 * PAD_X);
      const x = -w / 2;
      const y = -CHIP_H / 2;
      chip.bg
        .clear()
        .roundRect(x - 1, y - 1, w + 2, CHIP_H + 2, CHIP_H / 2 + 1)
        .fill({ color: PALETTE.halo, alpha: 0.55 })
        .roundRect(x, y, w, CHIP_H, CHIP_H / 2)
        .fill({ color: parseColor(fill) })
        .stroke({ width: 1.5, color: 0xffffff, alignment: 1 });
    }
    chip.bg.position.set(dx, dy);
    chip.text.position.set(dx, dy);
  }

  /** Uses chips 0..n-1 only (the rest are hidden, kept for later). */
  use(n: number): void {
    for (let i = n; i < this.count; i++) this.chips[i]!.root.visible = false;
    this.count = n;
  }

  /** Places chip i at world (x, y), counter-scaled by ik = 1 / camera scale. */
  place(i: number, x: number, y: number, ik: number): void {
    const root = this.chips[i]!.root;
    root.position.set(x, y);
    root.scale.set(ik);
  }

  private make(): Chip {
    const root = new Container();
    const bg = new Graphics();
    const text = new BitmapText({
      text: '',
      style: { fontFamily: this.font, fontSize: FONT_PX },
      anchor: 0.5,
    });
    root.addChild(bg, text);
    this.container.addChild(root);
    const chip = { root, bg, text, key: '' };
    this.chips.push(chip);
    return chip;
  }

  destroy(): void {
    this.container.destroy({ children: true });
    BitmapFont.uninstall(this.font);
  }
}
