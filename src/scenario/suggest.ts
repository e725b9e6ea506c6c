// "Did you mean …?": the names nearest to a mistyped one, by edit distance (case-insensitive),
// for --set names, unknown fields and ids.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` candidates within a third of the name's length in edits, nearest first. */
export function nearest(name: string, candidates: readonly string[], max = 3): string[] {
  const low = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(low.length / 3));
  return candidates
    .map((c) => ({ c, d: c.toLowerCase().includes(low) ? 1 : distance(low, c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
