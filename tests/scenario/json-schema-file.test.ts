// schemas/*.schema.json are what `concord schema` prints: an editor that follows a file's
// "$schema" sees the rules the loader enforces. Regenerate with `npm run schemas`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../src/scenario/json-schema';

describe('the committed JSON Schemas', () => {
  for (const kind of ['scenario', 'experiment'] as const)
    it(`schemas/${kind}.schema.json equals the schema generated from the zod schemas`, () => {
      const committed = readFileSync(`schemas/${kind}.schema.json`, 'utf8');
      expect(committed).toBe(jsonSchemaText(kind));
      const s = JSON.parse(committed) as { title: string; properties: Record<string, unknown> };
      expect(s.title).toBe(kind === 'scenario' ? 'Concord scenario' : 'Concord experiment');
      // A file may name its schema.
      expect(s.properties.$schema).toEqual({ type: 'string' });
    });
});
