import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import { AppError } from '../../http/errors.js';

/** Who manages SOS buttons and cameras: administrators of a district or wider. */
export const deviceAdmins = staffAccess(['admin'], 'district');

/** The control centre, which sees and acknowledges SOS presses in its area. */
export const alertReaders = staffAccess(['operator', 'supervisor'], 'beat');

export function signedIn(req: FastifyRequest) {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return req.actor;
}
