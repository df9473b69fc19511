/** Whether to animate at all: players who ask their system for less motion get instant changes. */
const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;

export function reducedMotion(): boolean {
  return query?.matches ?? false;
}

/** A duration in ms, or 0 when motion is reduced. */
export function motionMs(ms: number): number {
  return reducedMotion() ? 0 : ms;
}
