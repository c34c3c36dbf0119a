import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, MEDIA_MAX_BYTES, toReportRequest, validateDraft, type ReportDraft } from './report-draft.js';
import { groupTrackingCode, normaliseTrackingCode } from './tracking-code.js';

const VALID: ReportDraft = {
  ...EMPTY_DRAFT,
  category: 'noise',
  description: '  Loud music after midnight  ',
  location: { coordinates: [71.43, 51.13], source: 'map', label: null, accuracy: null },
};

function fileOf(type: string, size = 10): File {
  const file = new File(['x'], 'f', { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('a report draft', () => {
  it('needs a category, a description and a place', () => {
    expect(validateDraft(EMPTY_DRAFT)).toEqual({
      category: 'report.errors.categoryRequired',
      description: 'report.errors.descriptionRequired',
      location: 'report.errors.locationRequired',
    });
    expect(validateDraft({ ...VALID, description: '   ' }).description).toBe('report.errors.descriptionRequired');
    expect(validateDraft(VALID)).toEqual({});
  });

  it('takes photos, audio and video only, a few at a time, none too large', () => {
    expect(validateDraft({ ...VALID, media: [fileOf('image/jpeg'), fileOf('audio/ogg'), fileOf('video/mp4')] })).toEqual({});
    expect(validateDraft({ ...VALID, media: [fileOf('application/pdf')] }).media).toBe('report.errors.fileType');
    expect(validateDraft({ ...VALID, media: [fileOf('image/png', MEDIA_MAX_BYTES + 1)] }).media).toBe(
      'report.errors.fileTooLarge',
    );
    expect(validateDraft({ ...VALID, media: Array.from({ length: 6 }, () => fileOf('image/png')) }).media).toBe(
      'report.errors.tooManyFiles',
    );
  });

  it('checks a phone number only when the person gives one to be contacted', () => {
    expect(validateDraft({ ...VALID, phone: '+7 701 123-45-67' })).toEqual({});
    expect(validateDraft({ ...VALID, phone: 'call me' }).phone).toBe('report.errors.phoneInvalid');
    expect(validateDraft({ ...VALID, contact: 'anonymous', phone: 'call me' })).toEqual({});
  });

  it('becomes a request with trimmed text, and an anonymous one carries no contact', () => {
    expect(toReportRequest({ ...VALID, name: ' Aigerim ', phone: '' })).toEqual({
      category: 'noise',
      description: 'Loud music after midnight',
      location: { type: 'Point', coordinates: [71.43, 51.13] },
      reporter: { name: 'Aigerim' },
    });
    expect(toReportRequest({ ...VALID, contact: 'anonymous', name: 'Aigerim', phone: '+77011234567' })).toEqual({
      category: 'noise',
      description: 'Loud music after midnight',
      location: { type: 'Point', coordinates: [71.43, 51.13] },
      anonymous: true,
    });
  });
});

describe('a tracking code', () => {
  it('is read as people type it, and refused when it cannot be one', () => {
    expect(normaliseTrackingCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normaliseTrackingCode(' 0l2i3 o4567 ')).toBe('0121304567');
    expect(normaliseTrackingCode('ABCDEFGHJ')).toBeNull();
    expect(normaliseTrackingCode('ABCDEFGHJU')).toBeNull();
  });

  it('is shown in two groups of five', () => {
    expect(groupTrackingCode('ABCDEFGHJK')).toBe('ABCDE FGHJK');
  });
});
