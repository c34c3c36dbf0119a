import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Staff } from './service.js';

/** The signed-in caller as the service needs them; every dispatch route is a staff route. */
export function staffOf(req: FastifyRequest): Staff {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { userId: req.actor.userId, roles: req.actor.roles, jurisdiction: req.actor.jurisdiction, ip: req.ip };
}
