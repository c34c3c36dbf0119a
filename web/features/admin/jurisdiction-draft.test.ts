import { describe, expect, it } from 'vitest';
import {
  draftFromJurisdiction,
  grantableLevels,
  isGrantable,
  jurisdictionInput,
  jurisdictionProblems,
  withDistrict,
  withRegion,
} from './jurisdiction-draft.js';

describe('jurisdiction drafts', () => {
  it('send only the ids the level needs', () => {
    const draft = { level: 'region' as const, regionId: ' 750000000 ', districtId: '751210000', beatId: 'B-1' };
    expect(jurisdictionInput(draft)).toEqual({ level: 'region', regionId: '750000000' });
    expect(jurisdictionInput({ ...draft, level: 'country' })).toEqual({ level: 'country' });
    expect(jurisdictionInput({ ...draft, level: 'beat' })).toEqual({
      level: 'beat',
      regionId: '750000000',
      districtId: '751210000',
      beatId: 'B-1',
    });
  });

  it('ask for every missing id of a beat, and none for the whole country', () => {
    const empty = { level: 'beat' as const, regionId: '', districtId: ' ', beatId: '' };
    expect(Object.keys(jurisdictionProblems(empty)).sort()).toEqual(['beatId', 'districtId', 'regionId']);
    expect(jurisdictionProblems({ ...empty, level: 'country' })).toEqual({});
  });

  it('turn a stored jurisdiction into editable text', () => {
    const draft = draftFromJurisdiction({ level: 'district', regionId: '750000000', districtId: '751210000', beatId: null });
    expect(draft).toEqual({ level: 'district', regionId: '750000000', districtId: '751210000', beatId: '' });
  });

  it('clear the district and beat when the region changes, and the beat when the district changes', () => {
    const draft = { level: 'beat' as const, regionId: '750000000', districtId: '751210000', beatId: '751210000-02' };
    expect(withRegion(draft, '750000000')).toBe(draft);
    expect(withRegion(draft, '710000000')).toEqual({ level: 'beat', regionId: '710000000', districtId: '', beatId: '' });
    expect(withDistrict(draft, '751210000')).toBe(draft);
    expect(withDistrict(draft, '751110000')).toEqual({ ...draft, districtId: '751110000', beatId: '' });
  });

  it('offer an administrator only their own jurisdiction and what lies inside it', () => {
    const country = { level: 'country' as const, regionId: null, districtId: null, beatId: null };
    const shymkent = { level: 'region' as const, regionId: '790000000', districtId: null, beatId: null };
    const alatau = { level: 'district' as const, regionId: '750000000', districtId: '751210000', beatId: null };
    expect(grantableLevels(country)).toEqual(['country', 'region', 'district', 'beat']);
    expect(grantableLevels(shymkent)).toEqual(['region', 'district', 'beat']);
    expect(isGrantable(country, 'regionId', '750000000')).toBe(true);
    expect(isGrantable(shymkent, 'regionId', '750000000')).toBe(false);
    expect(isGrantable(shymkent, 'regionId', '790000000')).toBe(true);
    expect(isGrantable(shymkent, 'districtId', '791110000')).toBe(true);
    expect(isGrantable(alatau, 'districtId', '751110000')).toBe(false);
    expect(isGrantable(alatau, 'beatId', '751210000-02')).toBe(true);
  });
});
