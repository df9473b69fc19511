/**
 * Keyboard and presenter-remote input, turned into commands. A held or auto-repeated key never
 * repeats a command, and right after a key changes the screen, choosing and confirming wait a moment,
 * so a bouncing remote button cannot take a choice and skip its feedback in one press. Between a key that
 * changes the screen and the new screen's first frame they wait too: the old screen's buttons would
 * otherwise act on the new state (a vote counted for a card nobody has seen yet).
 */
import { sceneChangePending } from './redraw.ts';
import { settings } from './settings.ts';

export type Command =
  | { kind: 'choice'; index: number }
  | { kind: 'next' | 'previous' | 'forward' | 'back' | 'confirm' }
  | { kind: 'menu' | 'help' | 'blank' | 'mute' | 'numbers' | 'language' }
  // Workshop: + and − count votes; letters drive the timer (P, E, S), the guess (G) and "what if" (W).
  | { kind: 'more' | 'less' }
  // Workshop: the other digits, for typing a vote count (1–4 arrive as choices).
  | { kind: 'digit'; value: number }
  | { kind: 'letter'; key: WorkshopLetter };

export type WorkshopLetter = 'p' | 'e' | 's' | 'g' | 'w' | 'd' | 'j' | 'c' | 'v' | 'a' | 'x' | 'q' | 'r' | 'i';
const WORKSHOP_LETTERS: readonly string[] = ['p', 'e', 's', 'g', 'w', 'd', 'j', 'c', 'v', 'a', 'x', 'q', 'r', 'i'];
/**
 * The single-character keys that stop when shortcuts are switched off in the menu. B and "." stay: a
 * presenter remote sends them for its black-screen button and has no modifier to add, and a blank
 * screen is undone by any key. Digits, arrows, Enter and the rest are the remote's and the game's own.
 */
const SWITCHABLE: readonly string[] = ['h', '?', 'm', 'n', 'l', ...WORKSHOP_LETTERS];

type CommandHandler = (command: Command) => boolean;

const SETTLE_MS = 250;

export function commandFor(event: KeyboardEvent): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.code) {
    case 'Digit1': case 'Numpad1': return { kind: 'choice', index: 0 };
    case 'Digit2': case 'Numpad2': return { kind: 'choice', index: 1 };
    case 'Digit3': case 'Numpad3': return { kind: 'choice', index: 2 };
    case 'Digit4': case 'Numpad4': return { kind: 'choice', index: 3 };
    case 'Digit0': case 'Numpad0': return { kind: 'digit', value: 0 };
    case 'Digit5': case 'Numpad5': return { kind: 'digit', value: 5 };
    case 'Digit6': case 'Numpad6': return { kind: 'digit', value: 6 };
    case 'Digit7': case 'Numpad7': return { kind: 'digit', value: 7 };
    case 'Digit8': case 'Numpad8': return { kind: 'digit', value: 8 };
    case 'Digit9': case 'Numpad9': return { kind: 'digit', value: 9 };
    case 'Backspace': return { kind: 'digit', value: -1 };
    case 'ArrowDown': return { kind: 'next' };
    case 'ArrowUp': return { kind: 'previous' };
    case 'Tab': return { kind: event.shiftKey ? 'previous' : 'next' };
    case 'ArrowRight': case 'PageDown': return { kind: 'forward' };
    case 'ArrowLeft': case 'PageUp': return { kind: 'back' };
    // F5 is the "start slideshow" button many presenter remotes send: the remote's only way to confirm.
    case 'Enter': case 'NumpadEnter': case 'Space': case 'F5': return { kind: 'confirm' };
    case 'Escape': return { kind: 'menu' };
    case 'Period': case 'NumpadDecimal': return { kind: 'blank' };
    case 'Equal': case 'NumpadAdd': return { kind: 'more' };
    case 'Minus': case 'NumpadSubtract': return { kind: 'less' };
    default: break;
  }
  const key = event.key.toLowerCase();
  if (!settings.get().shortcuts && SWITCHABLE.includes(key)) return null;
  switch (key) {
    case '?': case 'h': case 'f1': return { kind: 'help' };
    case 'b': return { kind: 'blank' };
    case 'm': return { kind: 'mute' };
    case 'n': return { kind: 'numbers' };
    case 'l': return { kind: 'language' };
    default: return WORKSHOP_LETTERS.includes(event.key.toLowerCase()) ? { kind: 'letter', key: event.key.toLowerCase() as WorkshopLetter } : null;
  }
}

const handlers: CommandHandler[] = [];
let settledAt = 0;
let lastKeyAt = -Infinity;

/** Handlers are asked newest first (an overlay before the scene under it). */
export function pushHandler(handler: CommandHandler): () => void {
  handlers.push(handler);
  return () => {
    const at = handlers.lastIndexOf(handler);
    if (at >= 0) handlers.splice(at, 1);
  };
}

/** Call when what a key would act on changes. */
export function settle(): void {
  // The bounce comes within SETTLE_MS of the press that changed the screen; a screen that changed by
  // itself (the first one after loading, a timer) takes keys at once.
  settledAt = Math.max(settledAt, lastKeyAt + SETTLE_MS);
  // While a key is being handled the bounce may already be queued behind it: on a slow machine the
  // handling itself can take longer than SETTLE_MS, so the wait counts from when the change is made.
  if (handling) settledAt = Math.max(settledAt, performance.now() + SETTLE_MS);
}

let handling = false;

/** Runs what a key does, so that a screen change it makes waits out a bounce counted from its end. */
export function asKey(run: () => void): void {
  handling = true;
  try {
    run();
  } finally {
    handling = false;
  }
}

export function settled(): boolean {
  return performance.now() >= settledAt && !sceneChangePending();
}

function acts(command: Command): boolean {
  return command.kind === 'choice' || command.kind === 'confirm' || command.kind === 'forward';
}

function dispatch(command: Command): boolean {
  if (acts(command) && !settled()) return true;
  lastKeyAt = performance.now();
  let taken = false;
  asKey(() => {
    for (let i = handlers.length - 1; i >= 0 && !taken; i--) taken = handlers[i]!(command);
  });
  return taken;
}

/**
 * Enter or Space on a button of the accessible layer: it waits like a key that acts (a bouncing remote
 * must not press the button that replaced the one it pressed) and counts as a key press. False: ignore it.
 */
export function layerKeyActs(): boolean {
  if (!settled()) return false;
  lastKeyAt = performance.now();
  return true;
}

/** A command from a touch control or the accessible layer: the same as its key. */
export function sendCommand(command: Command): boolean {
  return dispatch(command);
}

/** On a button of the accessible layer, Enter and Space press that button and Tab moves between them, as on any web page. */
function onLayerButton(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.closest('[data-mm-layer]')) return false;
  // Tab moves between the layer's buttons only where the layer is the visible game; over the canvas it
  // steps the game's focus (which the layer's focus follows), as it always has.
  const tab = event.code === 'Tab' && document.documentElement.classList.contains('mm-dom');
  // A button that stands for one of the game's own (its focus is the game's focus) is pressed through the
  // game, which may want the key for something else first (a vote count being typed); the layer's own
  // buttons (touch bar, dialogs) are pressed as on any page.
  const own = target instanceof HTMLButtonElement && !('mmGame' in target.dataset);
  return tab || ((event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Space') && own);
}

function typing(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return false;
  if (event.code === 'Escape' || event.code === 'Tab') return false;
  return !(target instanceof HTMLInputElement && (event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'ArrowUp' || event.code === 'ArrowDown'));
}

let tabbing = false;

/**
 * Whether the command being handled came from Tab. Tab steps onto a text box itself (one stop that a
 * screen reader reads as the labelled box); the remote's arrows stop on its frame and never get caught
 * typing in it.
 */
export function byTab(): boolean {
  return tabbing;
}

export function listenToKeys(target: Window = window): void {
  target.addEventListener('keydown', (event) => {
    // In a text box (team names, reflection answers) the keys type; only leaving keys reach the game.
    if (typing(event) || onLayerButton(event)) return;
    const command = commandFor(event);
    if (!command) return;
    event.preventDefault();
    if (event.repeat) return;
    tabbing = event.code === 'Tab';
    try {
      dispatch(command);
    } finally {
      tabbing = false;
    }
  });
}
