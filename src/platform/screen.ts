/** Which screen and overlay are up, and what they show: the data behind `window.manyMasters`. */
import type { OverlayName, ScreenName, Shown } from './inspector.ts';

let screen: ScreenName = 'boot';
let overlay: OverlayName = null;
let shown: () => Shown = () => ({});
let drawnAt: number | null = null;
let overlayShown: () => Shown = () => ({});

/** `what` is read each time the inspector is asked, so it always describes the screen as it is. */
export function showScreen(name: ScreenName, what: () => Shown = () => ({})): void {
  screen = name;
  shown = what;
  drawnAt = null;
}

/** Called after every rendered frame: the first one after a screen is set up is when it appeared. */
export function frameDrawn(): void {
  drawnAt ??= performance.now();
}

/** When the current screen first reached the canvas (performance.now()), or null before: what a latency measurement wants. */
export function screenDrawnAt(): number | null {
  return drawnAt;
}

/** `what` describes the overlay (its texts, buttons and focus), read each time like a screen's. */
export function showOverlay(name: OverlayName, what: () => Shown = () => ({})): void {
  overlay = name;
  overlayShown = what;
}

export function currentScreen(): { screen: ScreenName; overlay: OverlayName; phase: string | null; shown: Shown; overlayShown: Shown | null } {
  const now = shown();
  return { screen, overlay, phase: typeof now.phase === 'string' ? now.phase : null, shown: now, overlayShown: overlay ? overlayShown() : null };
}
