import { useState } from 'react';
import type { ChosenLocation } from './report-draft.js';

const PROBLEMS: Record<number, string> = {
  1: 'report.location.gpsDenied',
  2: 'report.location.gpsUnavailable',
  3: 'report.location.gpsTimeout',
};

/** The phone's position on request; works offline (GPS needs no network). */
export function useDevicePosition(onFound: (location: ChosenLocation) => void) {
  const [isLocating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function locate() {
    if (!('geolocation' in navigator)) {
      setProblem('report.location.gpsUnsupported');
      return;
    }
    setLocating(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setLocating(false);
        onFound({
          coordinates: [found.coords.longitude, found.coords.latitude],
          source: 'gps',
          label: null,
          accuracy: Math.round(found.coords.accuracy),
        });
      },
      (failure) => {
        setLocating(false);
        setProblem(PROBLEMS[failure.code] ?? 'report.location.gpsUnavailable');
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  return { isLocating, problem, locate };
}
