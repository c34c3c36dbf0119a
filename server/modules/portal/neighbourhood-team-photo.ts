import sharp from 'sharp';
import { AppError } from '../../http/errors.js';

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
/** Large enough for a sharp portrait on a phone, small enough to keep in the database. */
const SIDE = 480;

/**
 * An uploaded portrait made fit to publish: checked to be a JPEG, PNG or WebP by its content,
 * turned the right way up, shrunk to at most 480 px a side and re-encoded as JPEG. Re-encoding
 * drops every metadata block, so no EXIF location (a photo taken at home) ever reaches the public.
 */
export async function publishablePhoto(base64: string): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('portal.photo_too_large', { bytes: bytes.length });
  try {
    const image = sharp(bytes, { limitInputPixels: 40_000_000 });
    const { format } = await image.metadata();
    if (!format || !ACCEPTED.has(format)) throw new AppError('portal.photo_invalid', { format: format ?? null });
    return await image.rotate().resize(SIDE, SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // sharp's own errors mean the bytes do not decode as an image.
    throw new AppError('portal.photo_invalid', {});
  }
}
