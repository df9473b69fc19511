/** Which screen and overlay are up, and what they show: the data behind `window.manyMasters`. */
import type { OverlayName, ScreenName, Shown } from './inspector.ts';

let screen: ScreenName = 'boot';
let overlay: OverlayName = null;
let shown: () => Shown = () => ({});

/** `what` is read each time the inspector is asked, so it always describes the screen as it is. */
export function showScreen(name: ScreenName, what: () => Shown = () => ({})): void {
  screen = name;
  shown = what;
}

export function showOverlay(name: OverlayName): void {
  overlay = name;
}

export function currentScreen(): { screen: ScreenName; overlay: OverlayName; phase: string | null; shown: Shown } {
  const now = shown();
  return { screen, overlay, phase: typeof now.phase === 'string' ? now.phase : null, shown: now };
}
