// The engine's orders (src/sim/world.ts `Order`) as a zod schema, for data that arrives from
// outside: a session file opened from disk, a message from a student's browser. The engine
// checks ids against its tables when an order is given; this checks the shape first.
import { z } from 'zod';
import { Inject } from '../scenario/schema';
import type { Order } from '../sim/world';

const tick = z.number().int().min(0).max(10_000_000);
const ref = z.string().min(1).max(100);
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const OrderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ tick, kind: z.literal('set-agreement'), agreement: ref, active: z.boolean() }),
  z.strictObject({ tick, kind: z.literal('set-right'), right: ref, active: z.boolean() }),
  z.strictObject({ tick, kind: z.literal('set-mechanism'), mechanism: ref, active: z.boolean() }),
  z.strictObject({ tick, kind: z.literal('move'), unit: ref, position: lonLat }),
  z.strictObject({ tick, kind: z.literal('patrol-area'), unit: ref, zone: ref }),
  z.strictObject({ tick, kind: z.literal('return'), unit: ref }),
  z.strictObject({ tick, kind: z.literal('assign'), unit: ref, command: ref }),
  z.strictObject({
    tick,
    kind: z.literal('set-trust'),
    from: ref,
    to: ref,
    value: z.number().min(0).max(1),
  }),
  z.strictObject({ tick, kind: z.literal('inject'), inject: Inject }),
  z.strictObject({ tick, kind: z.literal('auto-tasking'), actor: ref, on: z.boolean() }),
  z.strictObject({ tick, kind: z.literal('release'), unit: ref }),
]);

/** A parsed order as the engine's type (the schema mirrors the union kind for kind). */
export const asOrder = (o: z.infer<typeof OrderSchema>): Order => o as unknown as Order;
