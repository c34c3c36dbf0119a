import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../audit/index.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { intakeCounts, validReport } from './report-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '1000', AMAN_MEDIA_MAX_MB: '1', AMAN_MEDIA_MAX_FILES: '2' } });
});
afterAll(async () => {
  await t.app.close();
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
// The EXIF tag that points to the GPS block (0x8825), in either byte order.
const hasGpsBlock = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

/** A phone photo as phones send it: with the camera and the place it was taken in its EXIF. */
function photoWithLocation(shade = 10): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: shade, b: 10 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 14/1 18/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 56/1 45/1' },
    })
    .toBuffer();
}

async function multipart(report: unknown, files: { name: string; bytes: Buffer; type?: string }[], reportPart = 'report') {
  const form = new FormData();
  form.append(reportPart, typeof report === 'string' ? report : JSON.stringify(report));
  for (const file of files)
    form.append('media', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name);
  const request = new Request('http://aman.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function post(
  report: unknown,
  files: { name: string; bytes: Buffer; type?: string }[],
  headers: Record<string, string> = {},
) {
  const body = await multipart(report, files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: body.payload,
    headers: { 'content-type': body.contentType, ...headers },
  });
}

function storedOriginals(): string[] {
  const root = path.join(t.config.dataDir, 'media', 'originals');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((dir) => fs.readdirSync(path.join(root, dir)));
}

describe('a report with photos', () => {
  it('keeps the original as evidence, byte for byte, and a copy without its location for others', async () => {
    const photo = await photoWithLocation();
    expect(hasGpsBlock((await sharp(photo).metadata()).exif)).toBe(true);
    const response = await post(validReport(), [{ name: 'IMG_0001.jpg', bytes: photo }]);
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json() as { id: string };

    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
    const list = await t.app.inject({ url: `/api/v1/incidents/${id}/media`, headers: { cookie: operator.cookie } });
    expect(list.json()).toMatchObject({
      items: [{ sha256: sha256(photo), mediaType: 'image/jpeg', kind: 'photo', sizeBytes: photo.length, publicCopy: true }],
    });

    const original = await t.app.inject({
      url: `/api/v1/incidents/${id}/media/${sha256(photo)}`,
      headers: { cookie: operator.cookie },
    });
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(photo)).toBe(true);

    const copy = await t.app.inject({
      url: `/api/v1/incidents/${id}/media/${sha256(photo)}?copy=public`,
      headers: { cookie: operator.cookie },
    });
    const copyMeta = await sharp(copy.rawPayload).metadata();
    expect(copyMeta.exif).toBeUndefined();
    expect([copyMeta.width, copyMeta.height]).toEqual([64, 48]);

    await sealAll(t.database.db, t.keys.auditKey);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'incident.media.read')
      .where('target_id', '=', id)
      .execute();
    expect(reads.map((r) => (r.details as { copy: string }).copy).sort()).toEqual(['original', 'public']);
  });

  it('refuses a file that is not what its name says, and keeps nothing of the report', async () => {
    const before = await intakeCounts(t.database.db);
    const files = storedOriginals().length;
    const response = await post(
      validReport(),
      [{ name: 'photo.jpg', bytes: Buffer.from('<html><script>alert(1)</script></html>') }],
      {
        'accept-language': 'ru',
      },
    );
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'media.unsupported_type', title: expect.stringContaining('фото') });
    expect(await intakeCounts(t.database.db)).toEqual(before);
    expect(storedOriginals()).toHaveLength(files);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const before = await intakeCounts(t.database.db);
    const files = storedOriginals().length;
    const big = Buffer.concat([await photoWithLocation(), crypto.randomBytes(1024 * 1024)]);
    const response = await post(validReport(), [{ name: 'big.jpg', bytes: big }]);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('media.too_large');
    expect(await intakeCounts(t.database.db)).toEqual(before);
    expect(storedOriginals()).toHaveLength(files);
  });

  it('refuses more files than allowed, and a report whose files came but whose JSON is invalid, keeping no file', async () => {
    const files = storedOriginals().length;
    const three = await Promise.all([1, 2, 3].map((n) => photoWithLocation(n)));
    const tooMany = await post(
      validReport(),
      three.map((bytes, n) => ({ name: `${n}.jpg`, bytes })),
    );
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('media.too_many_files');

    const invalid = await post({ ...validReport(), category: '' }, [{ name: 'a.jpg', bytes: await photoWithLocation(77) }]);
    expect(invalid.statusCode).toBe(400);
    expect(storedOriginals()).toHaveLength(files);
  });

  it('refuses a multipart request without exactly one JSON report part', async () => {
    const photo = { name: 'a.jpg', bytes: await photoWithLocation(5) };
    const notJson = await post('{not json', [photo]);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('report.multipart_invalid');
    const body = await multipart(validReport(), [photo], 'wrong');
    const misnamed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(misnamed.statusCode).toBe(400);
  });

  it('answers a resend with the same files once, and refuses the same key with other files', async () => {
    const report = validReport();
    const photo = await photoWithLocation(42);
    const key = { 'idempotency-key': `media-${Math.random()}` };
    const first = await post(report, [{ name: 'a.jpg', bytes: photo }], key);
    const again = await post(report, [{ name: 'renamed.jpg', bytes: photo }], key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await post(report, [{ name: 'a.jpg', bytes: await photoWithLocation(43) }], key);
    expect(other.statusCode).toBe(422);
    const rows = await t.database.db
      .selectFrom('incident_media')
      .select('sha256')
      .where('incident_id', '=', (first.json() as { id: string }).id)
      .execute();
    expect(rows).toEqual([{ sha256: sha256(photo) }]);
  });
});
