// Math.hypot for two numbers, bit for bit, without the call into V8's C++ builtin (which also
// boxes its result): the same steps as V8's MathHypot (builtins-math.cc) — absolute values,
// both divided by the larger, Kahan-summed squares (for two terms the compensation is exactly
// 0), square root times the larger. Runs' hashes depend on every bit of these distances, so
// this must stay identical to Math.hypot(dx, dy); tests/sim/hypot.test.ts checks it.
//
// The larger divided by itself is exactly 1, so only the smaller is divided: one division, not
// two, with the same bits (1 + q·q is the sum V8 forms, in either order).
export function hypot2(dx: number, dy: number): number {
  const a = Math.abs(dx);
  const b = Math.abs(dy);
  if (a >= b) {
    // Neither is NaN here (a comparison with NaN is false).
    if (a === Number.POSITIVE_INFINITY || a === 0) return a;
    const q = b / a;
    return Math.sqrt(1 + q * q) * a;
  }
  if (b > a) {
    if (b === Number.POSITIVE_INFINITY) return b;
    const p = a / b;
    return Math.sqrt(p * p + 1) * b;
  }
  // One is NaN: an infinite other argument still wins, as in the spec.
  return a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY
    ? Number.POSITIVE_INFINITY
    : Number.NaN;
}
