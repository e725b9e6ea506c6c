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
