// Each friction between partners moves its measure the right way, paired over ≥ 30 seeds.
import { describe } from 'vitest';
import { itMoves } from './assert';
import { FRICTIONS } from './catalogue';

describe('frictions', () => {
  for (const e of FRICTIONS) itMoves(e);
});
