/**
 * The game is laid out on logical stages, but the canvas gets as many real pixels as the screen shows
 * (size × devicePixelRatio), so a 4K projector is sharp and a 1024×768 laptop does not render pixels it
 * throws away. Cameras zoom the logical stage onto those pixels.
 *
 * The canvas takes the screen's shape, from 5:4 to 16:9, so a 4:3 or 16:10 projector is filled, not
 * letterboxed. The room screens (workshop, reveal, scoreboard, what-if, debrief, their menu) lay out on
 * a stage always 1080 high whose width follows the screen (1350 at 5:4, 1440 at 4:3, 1728 at 16:10,
 * 1920 at 16:9): their text is as large relative to the screen height on every projector. Every other
 * screen keeps its 1920×1080 layout, centred and scaled to fit.
 */
import * as Phaser from 'phaser';

/** The layout of the ordinary screens. */
export const STAGE = { width: 1920, height: 1080 } as const;

/** Narrowest and widest screen shapes filled; beyond them the canvas is letterboxed. */
const MIN_ASPECT = 5 / 4;
const MAX_ASPECT = 16 / 9;
const MIN_SCALE = 0.5;
const MAX_SCALE = 2;

let roomWidth: number = STAGE.width;
const roomScenes = new WeakSet<Phaser.Scene>();

/** The logical size of the room screens' stage as the screen is now: 1080 high, 1350 to 1920 wide. */
export function stageSize(): { width: number; height: number } {
  return { width: roomWidth, height: STAGE.height };
}

/** The room stage's width for a screen (or window) of this CSS size. */
export function stageWidthFor(width: number, height: number): number {
  const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, width / Math.max(1, height)));
  return Math.round(STAGE.height * aspect);
}

/** Canvas pixels for a parent element of the given CSS size: its shape (within the limits above) at its real pixel density. */
function canvasFor(parentWidth: number, parentHeight: number, pixelRatio = window.devicePixelRatio || 1): { width: number; height: number; stageWidth: number } {
  const stageWidth = stageWidthFor(parentWidth, parentHeight);
  const shown = Math.min(parentWidth / stageWidth, parentHeight / STAGE.height);
  const scale = Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, shown * pixelRatio)) * 100) / 100;
  return { width: Math.floor(stageWidth * scale), height: Math.floor(STAGE.height * scale), stageWidth };
}

export function parentCanvas(parent: HTMLElement): { width: number; height: number } {
  const box = parent.getBoundingClientRect();
  const canvas = canvasFor(box.width || window.innerWidth, box.height || window.innerHeight);
  roomWidth = canvas.stageWidth;
  return canvas;
}

/** Canvas pixels per logical pixel on the room stage (the largest zoom any screen uses): text renders at this resolution. */
export function stageZoom(game: Phaser.Game): number {
  return game.scale.height / STAGE.height;
}

/**
 * Fits a scene's camera. `room` screens fill the canvas with the room stage (0…stageSize().width);
 * the others show their 1920×1080 layout whole, centred.
 */
export function fitCamera(scene: Phaser.Scene, kind: 'room' | 'fixed' = 'fixed'): void {
  const game = scene.game;
  if (kind === 'room') {
    const zoom = stageZoom(game);
    scene.cameras.main.setZoom(zoom).centerOn(roomWidth / 2, STAGE.height / 2);
  } else {
    const zoom = Math.min(game.scale.width / STAGE.width, game.scale.height / STAGE.height);
    scene.cameras.main.setZoom(zoom).centerOn(STAGE.width / 2, STAGE.height / 2);
  }
  if (kind === 'room') roomScenes.add(scene);
  else roomScenes.delete(scene);
}

/** Follows window and pixel-ratio changes; `onChange` runs after the canvas has its new size. */
export function followViewport(game: Phaser.Game, parent: HTMLElement, onChange: () => void): void {
  let pending = 0;
  const refresh = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const before = roomWidth;
      const canvas = parentCanvas(parent);
      if (Math.abs(game.scale.width - canvas.width) >= 1 || Math.abs(game.scale.height - canvas.height) >= 1) game.scale.setGameSize(canvas.width, canvas.height);
      game.scale.refresh();
      for (const scene of game.scene.getScenes(false)) {
        if (!(scene.sys.settings.active || scene.sys.settings.visible)) continue;
        const kind = roomScenes.has(scene) ? 'room' : 'fixed';
        // A room screen laid out for another width is drawn again for this one.
        if (kind === 'room' && roomWidth !== before) scene.scene.restart({ ...(scene.sys.settings.data as object), redraw: true });
        else fitCamera(scene, kind);
      }
      onChange();
    });
  };
  window.addEventListener('resize', refresh);
  const watchRatio = () => {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => {
      refresh();
      watchRatio();
    }, { once: true });
  };
  watchRatio();
}
