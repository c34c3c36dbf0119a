import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema } from 'fastify';
import { isValidIin } from '../../common/iin.js';

function createAjv(coerceTypes: boolean | 'array'): Ajv {
  // removeAdditional is off: an unknown field is an error, never silently dropped.
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes, allErrors: false, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('iin', { type: 'string', validate: isValidIin });
  return ajv;
}

const bodyAjv = createAjv(false);
// Query strings and path parameters arrive as text: numbers and booleans are coerced there only.
const textAjv = createAjv('array');

/** Fastify's validator compiler: strict JSON bodies, coerced query strings and parameters. */
export function compileValidator({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }): ValidateFunction {
  return (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object);
}
