/**
 * The game is laid out on a logical 1920×1080 stage, but the canvas gets as many real pixels as the
 * screen shows (size × devicePixelRatio), so a 4K projector is sharp and a 1024×768 laptop does not
 * render pixels it throws away. Cameras zoom the logical stage onto those pixels.
 */
import * as Phaser from 'phaser';

export const STAGE = { width: 1920, height: 1080 } as const;

const MIN_SCALE = 0.5;
const MAX_SCALE = 2;

/** Real canvas pixels per logical pixel for a parent element of the given CSS size. */
function scaleFor(parentWidth: number, parentHeight: number, pixelRatio = window.devicePixelRatio || 1): number {
  const shown = Math.min(parentWidth / STAGE.width, parentHeight / STAGE.height);
  const scale = shown * pixelRatio;
  return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) * 100) / 100;
}

export function parentScale(parent: HTMLElement): number {
  const box = parent.getBoundingClientRect();
  return scaleFor(box.width || window.innerWidth, box.height || window.innerHeight);
}

/** The zoom that maps the logical stage onto the canvas as it is now. */
export function stageZoom(game: Phaser.Game): number {
  return game.scale.width / STAGE.width;
}

export function fitCamera(scene: Phaser.Scene): void {
  const zoom = stageZoom(scene.game);
  scene.cameras.main.setZoom(zoom).centerOn(STAGE.width / 2, STAGE.height / 2);
}

/** Follows window and pixel-ratio changes; `onChange` runs after the canvas has its new size. */
export function followViewport(game: Phaser.Game, parent: HTMLElement, onChange: () => void): void {
  let pending = 0;
  const refresh = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const scale = parentScale(parent);
      if (Math.abs(game.scale.width - STAGE.width * scale) >= 1) {
        game.scale.setGameSize(Math.floor(STAGE.width * scale), Math.floor(STAGE.height * scale));
      }
      game.scale.refresh();
      for (const scene of game.scene.getScenes(false)) if (scene.sys.settings.active || scene.sys.settings.visible) fitCamera(scene);
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
