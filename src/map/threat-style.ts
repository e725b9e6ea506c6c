// How old a track looks: pure functions so the fading is tested, not eyeballed.

/** Alpha of a track symbol: 1 when fresh, falling linearly to 0.25 at 12 h and staying there. */
export function trackAlpha(ageH: number): number {
  const a = Math.max(0, ageH);
  return Math.max(0.25, 1 - (0.75 * a) / 12);
}

/** Radius of a track's uncertainty circle in km: 2 km plus 4 km per hour of age, capped. */
export function trackRadiusKm(ageH: number): number {
  return Math.min(200, 2 + 4 * Math.max(0, ageH));
}

/** "3.5 h", "40 min", "2 d 4 h" for hover cards. */
export function formatAge(ageH: number): string {
  if (ageH < 1) return `${Math.round(ageH * 60)} min`;
  if (ageH < 48) return `${Math.round(ageH * 10) / 10} h`;
  const d = Math.floor(ageH / 24);
  return `${d} d ${Math.round(ageH - d * 24)} h`;
}
