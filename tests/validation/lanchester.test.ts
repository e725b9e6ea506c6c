// Validation: in deterministic engagement mode the engine reproduces Lanchester's closed forms.
// "Decision" is the cell falling below one fighter, the engine's rule for a destroyed cell.
//   square law  dA/dt = −βB, dB/dt = −αA:  A² − (β/α)B² is conserved;
//     B(t) = B₀ cosh(γt) − √(α/β) A₀ sinh(γt), γ = √(αβ)
//   linear law  dA/dt = −βAB, dB/dt = −αAB:  αA − βB = K is conserved;
//     t(B) = (1/K) ln[ B₀ (K + βB) / (B (K + βB₀)) ]
import { describe, expect, it } from 'vitest';
import { duel, linearLaw, squareLaw } from './duel';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('Lanchester validation (deterministic mode)', () => {
  it.each([
    ['square', 100, 0.05, 80, 0.05],
    ['square', 120, 0.02, 60, 0.06],
    ['linear', 100, 0.003, 80, 0.003],
    ['linear', 90, 0.004, 50, 0.006],
  ] as const)(
    '%s law A₀=%i α=%f B₀=%i β=%f: survivors and time to decision within 1%%',
    (law, A0, alpha, B0, beta) => {
      const r = duel(law, A0, alpha, B0, beta);
      const f = (law === 'square' ? squareLaw : linearLaw)(A0, alpha, B0, beta);
      expect(r.cellDead).toBe(true);
      expect(rel(r.survivors, f.survivors)).toBeLessThan(0.01);
      expect(rel(r.hours, f.hours)).toBeLessThan(0.01);
    },
  );
});
