import { describe, expect, it } from 'vitest';
import { deviceDraftProblems, deviceInput, type DeviceDraft } from './device-draft.js';

const draft = (fields: Partial<DeviceDraft> = {}): DeviceDraft => ({
  name: 'Bus stop, Abay Avenue',
  latitude: '43.2383',
  longitude: '76.9458',
  eventTypes: [],
  ...fields,
});

describe('a device draft', () => {
  it('takes a comma as the decimal mark and sends longitude first', () => {
    expect(deviceDraftProblems(draft({ latitude: '43,2383' }), 'sos-button')).toEqual({});
    expect(deviceInput(draft({ latitude: '43,2383' }), 'sos-button')).toEqual({
      name: 'Bus stop, Abay Avenue',
      location: { type: 'Point', coordinates: [76.9458, 43.2383] },
    });
  });

  it('names each missing or impossible field', () => {
    expect(deviceDraftProblems(draft({ name: '  ', latitude: '95', longitude: 'east' }), 'sos-button')).toEqual({
      name: 'channels.form.errors.nameRequired',
      latitude: 'channels.form.errors.latitude',
      longitude: 'channels.form.errors.longitude',
    });
  });

  it('asks a camera for at least one event type, and sends them only for a camera', () => {
    expect(deviceDraftProblems(draft(), 'camera')).toEqual({ eventTypes: 'channels.form.errors.eventTypes' });
    expect(deviceInput(draft({ eventTypes: ['fight'] }), 'camera').eventTypes).toEqual(['fight']);
    expect(deviceInput(draft({ eventTypes: ['fight'] }), 'sos-button')).not.toHaveProperty('eventTypes');
  });
});
