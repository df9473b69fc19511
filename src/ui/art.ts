/**
 * Portraits and meter icons: SVG files named by the scenario, loaded as plain images at the size the
 * files declare (512 px portraits, 144 px icons: twice their largest size on a 1080p screen, so a 4K
 * projector stays sharp). Plain images skip Phaser's SVG re-parse, which cost a cold start ~100 ms.
 * An unknown name shows the neutral drawing.
 */
import * as Phaser from 'phaser';
import type { Scenario, Stakeholder } from '../engine/format.ts';
import { requestFrames } from '../platform/redraw.ts';

const portraitFiles = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?url', import: 'default', eager: true });
const iconFiles = import.meta.glob<string>('../../assets/icons/*.svg', { query: '?url', import: 'default', eager: true });

function byName(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]));
}

const portraits = byName(portraitFiles);
const icons = byName(iconFiles);
const NEUTRAL = 'neutral';

export function portraitKey(name: string | undefined): string {
  return `portrait:${name && portraits.has(name) ? name : NEUTRAL}`;
}

/** The portrait's file, for the accessible layer's picture of who brings the card. */
export function portraitUrl(name: string | undefined): string {
  return portraits.get(name && portraits.has(name) ? name : NEUTRAL) ?? '';
}

function iconKey(name: string | undefined): string {
  return `icon:${name && icons.has(name) ? name : NEUTRAL}`;
}

/** Art asked for and not here yet, across scenes: a scene restarting mid-load must not ask twice. */
const arriving = new Set<string>();
/** Images on screen still waiting for their art. */
let waiting = 0;
/** Art files that could not be loaded (a plain disc shows instead): zero in every working build. */
let failed = 0;

export function artWaiting(): number {
  return waiting;
}

export function artFailed(): number {
  return failed;
}

function queue(scene: Phaser.Scene, key: string, url: string | undefined): void {
  if (!url || scene.textures.exists(key) || arriving.has(key)) return;
  arriving.add(key);
  scene.textures.once(`${Phaser.Textures.Events.ADD_KEY}${key}`, () => arriving.delete(key));
  scene.load.image(key, url);
}

/**
 * Adds the scenario's meter icons and portraits (and the neutral fallbacks) to the scene's loader.
 * The play screen names only the stakeholder it shows now and does not wait: the card is drawn at
 * once and its art fills in (addArt); later cards fetch theirs as they come.
 */
export function queueScenarioArt(scene: Phaser.Scene, scenario: Scenario, stakeholders: readonly (Stakeholder | undefined)[] = scenario.stakeholders): void {
  scene.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => {
    if (arriving.delete(file.key)) failed++;
  });
  const names = new Set([NEUTRAL, ...stakeholders.map((s) => s?.portrait ?? NEUTRAL)]);
  for (const name of names) queue(scene, portraitKey(name), portraits.get(portraitKey(name).slice('portrait:'.length)));
  const iconNames = new Set([NEUTRAL, ...scenario.meters.map((m) => m.icon ?? NEUTRAL)]);
  for (const name of iconNames) queue(scene, iconKey(name), icons.get(iconKey(name).slice('icon:'.length)));
}

/** A meter icon (white line art) on a filled disc, so it reads on any background. */
export function addIcon(scene: Phaser.Scene, name: string | undefined, x: number, y: number, px: number, disc: number): Phaser.GameObjects.GameObject[] {
  const back = scene.add.circle(x, y, px / 2, disc);
  return [back, addArt(scene, iconKey(name), x, y, px * 0.62)];
}

/**
 * An image of the given logical size. Art still on its way fills in when it arrives (the play screen
 * does not hold the first card back for it); art that failed to load leaves a plain disc.
 */
export function addArt(scene: Phaser.Scene, key: string, x: number, y: number, px: number): Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Transform {
  if (scene.textures.exists(key)) return scene.add.image(x, y, key).setDisplaySize(px, px);
  if (!arriving.has(key)) return scene.add.circle(x, y, px / 2, 0xd9c7ad);
  const image = scene.add.image(x, y, '__DEFAULT').setVisible(false);
  const event = `${Phaser.Textures.Events.ADD_KEY}${key}`;
  let pending = true;
  waiting++;
  const arrive = () => {
    pending = false;
    waiting--;
    image.setTexture(key).setDisplaySize(px, px).setVisible(true);
    requestFrames();
  };
  scene.textures.once(event, arrive);
  image.once(Phaser.GameObjects.Events.DESTROY, () => {
    if (!pending) return;
    waiting--;
    scene.textures.off(event, arrive);
  });
  return image;
}
