// Each coordination mechanism moves its measure the right way, paired over ≥ 30 seeds.
import { describe } from 'vitest';
import { itMoves } from './assert';
import { MECHANISMS } from './catalogue';

describe('coordination mechanisms', () => {
  for (const e of MECHANISMS) itMoves(e);
});
