/** A duration split for display: whole hours, minutes and seconds (a tenth of a second is rounded away). */
export interface DurationParts {
  hours: number;
  minutes: number;
  seconds: number;
}

export function durationParts(totalSeconds: number): DurationParts {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/**
 * "1 h 05 min", "4 min 30 s", "45 s": the two largest units that matter, as a dashboard reads.
 * `units` gives the words in the reader's language.
 */
export function formatDuration(totalSeconds: number | null, units: { h: string; min: string; s: string }, none: string): string {
  if (totalSeconds === null) return none;
  const { hours, minutes, seconds } = durationParts(totalSeconds);
  if (hours > 0) return `${hours} ${units.h} ${String(minutes).padStart(2, '0')} ${units.min}`;
  if (minutes > 0) return `${minutes} ${units.min} ${String(seconds).padStart(2, '0')} ${units.s}`;
  return `${seconds} ${units.s}`;
}

/** Bar widths for the chart: each value as a percentage of the largest (null stays null). */
export function barWidths(values: readonly (number | null)[]): (number | null)[] {
  const largest = Math.max(0, ...values.filter((v): v is number => v !== null));
  return values.map((v) => (v === null ? null : largest === 0 ? 0 : Math.round((v / largest) * 1000) / 10));
}
