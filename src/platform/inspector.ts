/**
 * `window.manyMasters`: a read-only view of what the game shows, for browser tests, the benchmark
 * and curious trainers. Present in every build; every read returns a fresh frozen copy, so nothing
 * outside the game can change it.
 */
import type { GameState } from '../engine/state.ts';
import type { RendererKind } from './renderer.ts';

export type ScreenName = 'boot' | 'title' | 'play' | 'ending'
  // Workshop and solo modes.
  | 'mode' | 'setup' | 'workshop' | 'whatif' | 'debrief'
  // Authoring: scenario writing, a file's problems, the scenario map.
  | 'author' | 'problems' | 'map'
  // The room code and QR code for phone votes.
  | 'join'
  // An open question to the room's phones, with its answers and word cloud.
  | 'question'
  // Before and after: the statements rated on the phones.
  | 'rating';
export type OverlayName = 'menu' | 'help' | 'blank' | null;

export interface Shown {
  [key: string]: unknown;
}

export interface Snapshot {
  screen: ScreenName;
  overlay: OverlayName;
  language: string;
  /** Phaser's renderer on this machine (platform/renderer.ts). */
  renderer: RendererKind;
  scenarioId: string | null;
  state: GameState | null;
  /** On the play screen: 'choosing' or 'feedback'. */
  phase: string | null;
  /** Whether a choice or confirm key would act now (not settling after a change). */
  ready: boolean;
  sleeping: boolean;
  /** A tween is running: something on screen moves (never, with reduced motion). */
  moving: boolean;
  /** Portraits and icons drawn but still loading (the play screen shows its card before its art). */
  artWaiting: number;
  /** performance.now() of the first frame that showed the current screen; null until it is drawn. */
  drawnAt: number | null;
  frame: number;
  /** The texts and values on screen, as drawn. */
  shown: Shown;
  /** The overlay's texts, buttons and focus (the menu, its confirmations), or null without one. */
  overlayShown: Shown | null;
  levels: { file: string; id: string | null; ok: boolean; error: string | null }[];
  settings: { muted: boolean; showNumbers: boolean };
}

type Source = () => Snapshot;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export function exposeInspector(source: Source): void {
  Object.defineProperty(window, 'manyMasters', {
    configurable: false,
    enumerable: true,
    get: () => deepFreeze(structuredClone(source())),
  });
}

/** One text as drawn: its logical font size and box on its scene's stage. */
export interface DrawnText {
  scene: string;
  text: string;
  /** The lines as drawn, after wrapping: a word split between two of them was broken by the wrap. */
  lines: string[];
  size: number;
  /** Its fill as CSS (#rrggbb) and its opacity (below 1: a disabled control, which needs no contrast). */
  colour: string;
  alpha: number;
  /** The same box as fractions of the canvas, where the scene's camera shows it (0…1 across and down). */
  onCanvas: { left: number; top: number; right: number; bottom: number };
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * `window.manyMastersTexts`: every visible text of the screens shown now, with its size and box in
 * logical stage pixels, and the stage size. For the readability checks (no text below 28 px on the
 * room screens, nothing outside the stage); computed only when read.
 */
export function exposeTexts(source: () => { stage: { width: number; height: number }; texts: DrawnText[] }): void {
  Object.defineProperty(window, 'manyMastersTexts', {
    configurable: false,
    enumerable: false,
    get: () => deepFreeze(structuredClone(source())),
  });
}
