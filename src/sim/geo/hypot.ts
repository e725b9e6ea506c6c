// Math.hypot for two numbers, bit for bit, without the call into V8's C++ builtin (which also
// boxes its result): the same steps as V8's MathHypot (builtins-math.cc) — absolute values,
// both divided by the larger, Kahan-summed squares (for two terms the compensation is exactly
// 0), square root times the larger. Runs' hashes depend on every bit of these distances, so
// this must stay identical to Math.hypot(dx, dy); tests/sim/hypot.test.ts checks it.

export function hypot2(dx: number, dy: number): number {
  const a = Math.abs(dx);
  const b = Math.abs(dy);
  // NaN never becomes the max (an infinite argument wins over NaN, as in the spec).
  let max = 0;
  if (a > max) max = a;
  if (b > max) max = b;
  if (max === Number.POSITIVE_INFINITY) return max;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (max === 0) return 0;
  const p = a / max;
  const q = b / max;
  return Math.sqrt(p * p + q * q) * max;
}
