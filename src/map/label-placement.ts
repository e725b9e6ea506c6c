// Greedy label collision in screen space: pure, so it is tested without a renderer.

/** A label box in screen px (left, top, right, bottom). */
export type Box = [number, number, number, number];

/**
 * Greedy placement: boxes in priority order (most important first); a box is shown when it
 * overlaps no shown box (and no `blocked` box). Returns one flag per box.
 */
export function placeLabels(
  boxes: readonly Box[],
  blocked: readonly Box[] = [],
  pad = 2,
): boolean[] {
  const shown: Box[] = [...blocked];
  return boxes.map((b) => {
    for (const s of shown) {
      if (b[0] - pad < s[2] && b[2] + pad > s[0] && b[1] - pad < s[3] && b[3] + pad > s[1])
        return false;
    }
    shown.push(b);
    return true;
  });
}

/** A text label a layer offers for placement; the view decides whether it shows. */
export interface LabelCandidate {
  /** The label object (anything with a position, anchor, size in world units and visible). */
  text: {
    visible: boolean;
    x: number;
    y: number;
    width: number;
    height: number;
    anchor: { x: number; y: number };
  };
  /** Lower is placed first (HQs 0, bases 1, cities 2, towns 3, zones 4). */
  priority: number;
  /** Hidden below this camera scale (px per km). @default 0 */
  minK?: number;
  /** Placed over obstacles (HQ names over their own base). @default false */
  overObstacles?: boolean;
}

/** Something labels must not cover: a world point with a box in CSS px around it. */
export interface Obstacle {
  x: number;
  y: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Shows or hides every candidate for camera (k, tx, ty): sorted by priority, each label
 * is shown when the zoom allows it and it overlaps no obstacle and no label shown before it.
 * Candidates must already be counter-scaled (their width and height are world units).
 */
export function placeCandidates(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Obstacle[],
  cam: { k: number; tx: number; ty: number },
  enabled = true,
): void {
  const { k, tx, ty } = cam;
  const blocked: Box[] = obstacles.map((o) => {
    const sx = o.x * k + tx;
    const sy = o.y * k + ty;
    return [sx - o.left, sy - o.top, sx + o.right, sy + o.bottom];
  });
  const order = candidates
    .map((_c, i) => i)
    .filter((i) => {
      const c = candidates[i]!;
      const ok = enabled && k >= (c.minK ?? 0);
      if (!ok) c.text.visible = false;
      return ok;
    })
    .sort((a, b) => candidates[a]!.priority - candidates[b]!.priority);
  const boxes: Box[] = order.map((i) => {
    const t = candidates[i]!.text;
    const w = t.width * k;
    const h = t.height * k;
    const sx = t.x * k + tx - t.anchor.x * w;
    const sy = t.y * k + ty - t.anchor.y * h;
    return [sx, sy, sx + w, sy + h];
  });
  // Labels allowed over obstacles go first against each other only, then block the rest.
  const first = order.filter((i) => candidates[i]!.overObstacles);
  const rest = order.filter((i) => !candidates[i]!.overObstacles);
  const boxOf = new Map(order.map((i, j) => [i, boxes[j]!]));
  const firstShown = placeLabels(first.map((i) => boxOf.get(i)!));
  const taken: Box[] = [...blocked];
  first.forEach((i, j) => {
    candidates[i]!.text.visible = firstShown[j]!;
    if (firstShown[j]) taken.push(boxOf.get(i)!);
  });
  const shown = placeLabels(
    rest.map((i) => boxOf.get(i)!),
    taken,
  );
  rest.forEach((i, j) => {
    candidates[i]!.text.visible = shown[j]!;
  });
}
