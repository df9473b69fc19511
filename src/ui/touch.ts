/**
 * Whether the screen is touched rather than keyed, and the words that go with it: on a touch screen a
 * hint says what to tap, not which key to press (a tablet on the lectern has no arrow keys). The layer
 * (a11y/layer.ts) marks a touch screen on the page, from the pointer the browser reports.
 */
import { t } from '../locales/index.ts';
import type { MessageKey } from '../locales/en.ts';

export function touchScreen(): boolean {
  return document.documentElement.classList.contains('mm-touch');
}

/** The hint for keys, or the one for fingers on a touch screen. */
export function keysOrTaps(keys: MessageKey, taps: MessageKey, params: Record<string, string | number> = {}): string {
  return t(touchScreen() ? taps : keys, params);
}
