import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Caller } from './scope.js';

/** The signed-in staff user behind a request (staff routes have one), with their address for the audit log. */
export function callerOf(req: FastifyRequest): Caller {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { user: req.actor, ip: req.ip };
}
