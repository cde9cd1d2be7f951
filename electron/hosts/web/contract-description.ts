import { z } from 'zod';
import { contract, events, METHOD_NAMES } from '../../contract';

/** `GET /api/contract`: every method with its JSON Schemas and roles, every event's schema. */
export function describeContract() {
  return {
    methods: METHOD_NAMES.map((name) => {
      const spec = contract[name];
      return {
        name,
        description: spec.description,
        access: spec.access,
        input: toSchema(spec.input, 'input'),
        output: toSchema(spec.output, 'output'),
      };
    }),
    events: Object.entries(events).map(([name, schema]) => ({ name, payload: toSchema(schema, 'output') })),
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}
