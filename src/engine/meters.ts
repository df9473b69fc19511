import type { Meter } from './format.ts';

export const DEFAULT_MIN = 0;
export const DEFAULT_MAX = 100;

export function meterBounds(meter: Meter): { min: number; max: number } {
  return { min: meter.min ?? DEFAULT_MIN, max: meter.max ?? DEFAULT_MAX };
}

export function clampMeter(meter: Meter, value: number): number {
  return Math.min(meter.max ?? DEFAULT_MAX, Math.max(meter.min ?? DEFAULT_MIN, value));
}

/** How far a value is from the nearer end, as a share of the meter's range (0 = at an end, 0.5 = centre). */
export function distanceFromEnds(meter: Meter, value: number): number {
  const { min, max } = meterBounds(meter);
  return Math.min(value - min, max - value) / (max - min);
}

/** Near an end that would finish the game: the player should be warned. */
export const DANGER_SHARE = 0.15;

export function meterDanger(meter: Meter, value: number): 'low' | 'high' | null {
  const { min, max } = meterBounds(meter);
  const margin = (max - min) * DANGER_SHARE;
  if (meter.onMin !== undefined && value <= min + margin) return 'low';
  if (meter.onMax !== undefined && value >= max - margin) return 'high';
  return null;
}
