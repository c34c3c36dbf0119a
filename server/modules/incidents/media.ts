import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../http/errors.js';

export type MediaKind = 'photo' | 'audio' | 'video';

/** What the bytes are, decided by their content; a file's name and declared type are not trusted. */
const ACCEPTED: Record<string, MediaKind> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
  'audio/opus': 'audio',
  'audio/wav': 'audio',
  'audio/x-m4a': 'audio',
  'audio/aac': 'audio',
  'audio/x-flac': 'audio',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'video/3gpp': 'video',
};

// file-type reads signatures within the first few kilobytes.
const SNIFF_BYTES = 4_100;

export interface ReceivedMedia {
  sha256: string;
  mediaType: string;
  kind: MediaKind;
  sizeBytes: number;
  /** A photo's copy without EXIF (location, device) exists for eyes outside the police. */
  publicCopy: boolean;
}

export interface MediaStore {
  /** Where originals live, named by their SHA-256. */
  originalPath(sha256: string): string;
  publicPath(sha256: string): string;
}

export function mediaStore(root: string): MediaStore {
  return {
    originalPath: (sha256) => path.join(root, 'originals', sha256.slice(0, 2), sha256),
    publicPath: (sha256) => path.join(root, 'public', sha256.slice(0, 2), `${sha256}.jpg`),
  };
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Puts a finished temporary file in its place durably: flushed, renamed, directory flushed. The
 * report is acknowledged only after this, so an acknowledged photo survives a crash.
 */
function settle(temporary: string, final: string): void {
  fsyncPath(temporary);
  fs.mkdirSync(path.dirname(final), { recursive: true });
  if (fs.existsSync(final)) {
    fs.rmSync(temporary); // the same bytes are already kept
    return;
  }
  fs.renameSync(temporary, final);
  fsyncPath(path.dirname(final));
}

/** The copy others may see: pixels kept the right way up, every metadata block (EXIF GPS included) dropped. */
async function writePublicCopy(store: MediaStore, sha256: string): Promise<void> {
  const target = store.publicPath(sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${crypto.randomUUID()}.tmp`;
  try {
    await sharp(store.originalPath(sha256)).rotate().jpeg({ quality: 85 }).toFile(temporary);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  settle(temporary, target);
}

function multipartError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('media.too_large');
  if (code === 'FST_FILES_LIMIT') return new AppError('media.too_many_files');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('report.multipart_invalid');
  return error;
}

/** What bytes are, from their first few kilobytes; undefined for anything we do not keep. */
export async function identifyMedia(head: Buffer): Promise<{ mediaType: string; kind: MediaKind } | undefined> {
  const detected = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
  const mediaType = detected?.mime.split(';')[0];
  const kind = mediaType ? ACCEPTED[mediaType] : undefined;
  return mediaType && kind ? { mediaType, kind } : undefined;
}

function incomingPath(root: string): string {
  const incoming = path.join(root, 'incoming');
  fs.mkdirSync(incoming, { recursive: true });
  return path.join(incoming, crypto.randomUUID());
}

/** Puts a checked, hashed temporary file under its SHA-256, with the public copy of a photo. */
async function keep(
  store: MediaStore,
  temporary: string,
  file: { sha256: string; mediaType: string; kind: MediaKind; sizeBytes: number },
): Promise<ReceivedMedia> {
  settle(temporary, store.originalPath(file.sha256));
  const publicCopy = file.kind === 'photo';
  if (publicCopy) {
    try {
      await writePublicCopy(store, file.sha256);
    } catch (error) {
      // A system error (a full disk) is ours; sharp's own errors carry no code and mean the bytes
      // look like a photo but do not decode, so they are not one and nothing of them is kept.
      if (typeof (error as { code?: unknown }).code === 'string') throw error;
      fs.rmSync(store.originalPath(file.sha256), { force: true });
      throw new AppError('media.unsupported_type');
    }
  }
  return { ...file, publicCopy };
}

/**
 * Keeps bytes already in memory (a camera's snapshot) as a report's files are kept: checked by
 * content, unaltered under their SHA-256, durable before this returns.
 */
export async function storeMediaBuffer(root: string, bytes: Buffer): Promise<ReceivedMedia> {
  const identified = await identifyMedia(bytes);
  if (!identified || bytes.length === 0) throw new AppError('media.unsupported_type');
  const temporary = incomingPath(root);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    return await keep(mediaStore(root), temporary, { sha256, ...identified, sizeBytes: bytes.length });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function receiveFile(stream: NodeJS.ReadableStream, root: string, store: MediaStore): Promise<ReceivedMedia> {
  const temporary = incomingPath(root);
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, measure, fs.createWriteStream(temporary, { flags: 'wx' }));
    // Busboy stops at the size limit and marks the stream; the error itself may only come later.
    if ((stream as { truncated?: boolean }).truncated) throw new AppError('media.too_large');
    const identified = await identifyMedia(head);
    if (!identified || size === 0) throw new AppError('media.unsupported_type');
    return await keep(store, temporary, { sha256: hash.digest('hex'), ...identified, sizeBytes: size });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw multipartError(error);
  }
}

/**
 * Stores one file from any stream (a chat bot's download) as evidence, exactly as a multipart
 * part is: checked by content, hashed, kept unaltered, a photo's public copy without EXIF. The
 * caller limits the stream's size.
 */
export function storeMedia(root: string, stream: NodeJS.ReadableStream): Promise<ReceivedMedia> {
  return receiveFile(stream, root, mediaStore(root));
}

/**
 * Reads a multipart report: one `report` part (the JSON a plain request would send) and any
 * number of `media` files, each stored as it streams in (checked by content, hashed, kept
 * unaltered) into `media` as it arrives, so a caller can discard them if the request fails
 * half-way. Returns the parsed report, for the route's schema to validate as usual.
 */
export async function receiveMultipartReport(req: FastifyRequest, root: string, media: ReceivedMedia[]): Promise<unknown> {
  const store = mediaStore(root);
  let report: unknown;
  let reportParts = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'media') {
        media.push(await receiveFile(part.file, root, store));
      } else if (part.type === 'field' && part.fieldname === 'report' && !part.valueTruncated) {
        reportParts += 1;
        report = JSON.parse(String(part.value));
      } else {
        if (part.type === 'file') part.file.resume();
        throw new AppError('report.multipart_invalid');
      }
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError('report.multipart_invalid');
    throw multipartError(error);
  }
  if (reportParts !== 1) throw new AppError('report.multipart_invalid');
  return report;
}
