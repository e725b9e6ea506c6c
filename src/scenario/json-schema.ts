// The JSON Schema of a scenario (or an experiment) file, generated from the zod schemas that
// validate them: `concord schema` prints it, schemas/*.schema.json hold it in the repository
// (for editors and for files that name it in "$schema"), and a test keeps the two equal.
import { z } from 'zod';
import { Experiment } from '../experiment/schema';
import { Scenario } from './schema';

export type SchemaKind = 'scenario' | 'experiment';

/** The schema as an object (author mode's forms follow it). */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = z.toJSONSchema(kind === 'experiment' ? Experiment : Scenario, {
    io: 'input',
    unrepresentable: 'any',
  });
  const title = kind === 'experiment' ? 'Concord experiment' : 'Concord scenario';
  return { title, ...schema };
}

/** The schema as the text `concord schema` prints (and schemas/<kind>.schema.json holds). */
export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
