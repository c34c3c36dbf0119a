import type { FastifyRequest } from 'fastify';
import { isLanguage, type Language } from '../../common/roles.js';

/** Picks the best of kk, ru, en from an Accept-Language header by its q-values. */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLanguage) ?? null;
}

/** The request's language: `?lang=`, then the signed-in user's setting, then Accept-Language, then Kazakh. */
export function requestLanguage(req: FastifyRequest): Language {
  if (req.langParam) return req.langParam;
  const actor = req.actor;
  if (actor?.kind === 'user') return actor.language;
  return fromAcceptLanguage(req.headers['accept-language']) ?? 'kk';
}
