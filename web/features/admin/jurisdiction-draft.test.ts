import { describe, expect, it } from 'vitest';
import { draftFromJurisdiction, jurisdictionInput, jurisdictionProblems } from './jurisdiction-draft.js';

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
});
