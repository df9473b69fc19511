/**
 * Which screen and overlay are up, and what they show: the data behind `window.manyMasters` and the
 * accessible DOM layer. Each screen describes itself once as a ScreenModel (platform/screenModel.ts).
 */
import type { OverlayName, ScreenName, Shown } from './inspector.ts';
import { plainModel, type ScreenModel } from './screenModel.ts';

let screen: ScreenName = 'boot';
let overlay: OverlayName = null;
const EMPTY: ScreenModel = { title: '', regions: [] };
let describe: () => ScreenModel = () => EMPTY;
let describeOverlay: (() => ScreenModel) | null = null;
let drawnAt: number | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  listeners.forEach((listener) => listener());
}

/** Told when the screen or overlay changes (the DOM layer redraws at once, before the next frame). */
export function onScreenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `what` is read each time it is asked, so it always describes the screen as it is. */
export function showScreen(name: ScreenName, what: () => ScreenModel = () => EMPTY): void {
  screen = name;
  describe = what;
  drawnAt = null;
  changed();
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
export function showOverlay(name: OverlayName, what: (() => ScreenModel) | null = null): void {
  overlay = name;
  describeOverlay = name ? what : null;
  changed();
}

export function screenModel(): ScreenModel {
  return describe();
}

export function overlayModel(): ScreenModel | null {
  return describeOverlay ? describeOverlay() : null;
}

export function currentScreenName(): ScreenName {
  return screen;
}

function shownOf(model: ScreenModel): Shown {
  return { title: model.title, ...(model.facts ?? {}), view: plainModel(model) };
}

export function currentScreen(): { screen: ScreenName; overlay: OverlayName; phase: string | null; shown: Shown; overlayShown: Shown | null } {
  const model = describe();
  const facts = model.facts ?? {};
  const over = overlay ? overlayModel() : null;
  return { screen, overlay, phase: typeof facts.phase === 'string' ? facts.phase : null, shown: shownOf(model), overlayShown: over ? shownOf(over) : null };
}
