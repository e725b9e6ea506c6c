// Connected regions of a grid (8-neighbour flood fill): which sea cells are one body of water,
// which land cells one landmass. A goal in another region than the unit is unreachable
// whatever the rights, so the command system can skip it without a failing path search.

/** Labels cells where `inside(i)` into regions 1, 2, …; 0 elsewhere. */
export function labelRegions(
  cols: number,
  rows: number,
  inside: (i: number) => boolean,
): Int32Array {
  const label = new Int32Array(cols * rows);
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || !inside(start)) continue;
    next++;
    label[start] = next;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const c = i % cols;
      const r = (i - c) / cols;
      for (let dr = -1; dr <= 1; dr++) {
        const nr = r + dr;
        if (nr < 0 || nr >= rows) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const nc = c + dc;
          if (nc < 0 || nc >= cols || (dr === 0 && dc === 0)) continue;
          const j = nr * cols + nc;
          if (label[j] !== 0 || !inside(j)) continue;
          label[j] = next;
          stack.push(j);
        }
      }
    }
  }
  return label;
}

/**
 * Labels the cells where `allowed[code[i]] === 1` into regions 1, 2, … (0 elsewhere), joined
 * by exactly PathFinder's moves: 8 neighbours, no diagonal squeeze between two blocked cells.
 * Those moves are symmetric, so a search between two regions can only fail.
 */
export function labelAllowed(
  cols: number,
  rows: number,
  code: Uint8Array,
  allowed: Uint8Array,
): Int32Array {
  const n = cols * rows;
  const label = new Int32Array(n);
  const stack = new Int32Array(n);
  // One lookup per cell up front: the fill reads each cell up to 8 times.
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) open[i] = allowed[code[i]!] === 1 ? 1 : 0;
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (label[start] !== 0 || open[start] === 0) continue;
    label[start] = ++next;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const i = stack[--top]!;
      const c = i % cols;
      const w = c > 0;
      const e = c < cols - 1;
      const s = i >= cols;
      const nn = i < n - cols;
      const oW = w && open[i - 1] === 1;
      const oE = e && open[i + 1] === 1;
      const oS = s && open[i - cols] === 1;
      const oN = nn && open[i + cols] === 1;
      if (oW && label[i - 1] === 0) {
        label[i - 1] = next;
        stack[top++] = i - 1;
      }
      if (oE && label[i + 1] === 0) {
        label[i + 1] = next;
        stack[top++] = i + 1;
      }
      if (oS && label[i - cols] === 0) {
        label[i - cols] = next;
        stack[top++] = i - cols;
      }
      if (oN && label[i + cols] === 0) {
        label[i + cols] = next;
        stack[top++] = i + cols;
      }
      // Diagonals: open, unlabelled, and not squeezed between two blocked side cells.
      if (s && w && (oS || oW) && open[i - cols - 1] === 1 && label[i - cols - 1] === 0) {
        label[i - cols - 1] = next;
        stack[top++] = i - cols - 1;
      }
      if (s && e && (oS || oE) && open[i - cols + 1] === 1 && label[i - cols + 1] === 0) {
        label[i - cols + 1] = next;
        stack[top++] = i - cols + 1;
      }
      if (nn && w && (oN || oW) && open[i + cols - 1] === 1 && label[i + cols - 1] === 0) {
        label[i + cols - 1] = next;
        stack[top++] = i + cols - 1;
      }
      if (nn && e && (oN || oE) && open[i + cols + 1] === 1 && label[i + cols + 1] === 0) {
        label[i + cols + 1] = next;
        stack[top++] = i + cols + 1;
      }
    }
  }
  return label;
}
