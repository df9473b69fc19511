/**
 * The selected card as the room sees it, drawn by the game's own card (src/ui/card.ts) in a small
 * Phaser game of its own, made the first time a card is shown. It draws once per change and then
 * sleeps; the phone-size picture is the same frame, scaled as a phone's screen scales the stage.
 */
import * as Phaser from 'phaser';
import type { El } from './fields.ts';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Stakeholder } from '../../engine/format.ts';
import { portraitKey, portraitUrl } from '../../ui/art.ts';
import { CARD_BOX, drawCard } from '../../ui/card.ts';
import { t } from '../../locales/index.ts';

export interface PreviewContent {
  stakeholder: Stakeholder | undefined;
  name: string;
  text: string;
}

/** The card's box with room for its shadow, in the stage's logical pixels (1080p). */
const WIDTH = CARD_BOX.width + 8;
const HEIGHT = CARD_BOX.height + 22;
/** A phone held sideways shows the 1920-pixel stage on about 844 CSS pixels. */
const PHONE_SCALE = 844 / 1920;
/** The projector picture: half of its size on a 1080p screen, so it fits beside the form. */
const PROJECTOR_SCALE = 0.5;

class PreviewScene extends Phaser.Scene {
  content: PreviewContent | null = null;
  drawn: Phaser.GameObjects.Container | null = null;

  constructor() {
    super('editor-preview');
  }

  show(content: PreviewContent): void {
    this.content = content;
    const key = portraitKey(content.stakeholder?.portrait);
    if (!this.textures.exists(key)) {
      this.load.image(key, portraitUrl(content.stakeholder?.portrait));
      this.load.once(Phaser.Loader.Events.COMPLETE, () => this.redraw());
      this.load.start();
    }
    this.redraw();
  }

  redraw(): void {
    if (!this.content) return;
    this.drawn?.destroy();
    this.drawn = drawCard(this, this.content, { x: 4, y: 4, width: CARD_BOX.width, height: CARD_BOX.height });
    this.game.loop.wake();
  }
}

let game: Phaser.Game | null = null;
let scene: PreviewScene | null = null;
let phone: HTMLCanvasElement | null = null;
let waiting: PreviewContent | null = null;

/**
 * While the author types in the card's text, the picture waits for a pause this long. Drawing the card
 * (its texts set by Phaser, then a frame of the preview's game and the phone's copy) took longer than
 * the frame a typed letter should be painted in, and nobody reads the picture between two keys.
 * Another card (another stakeholder or portrait) is drawn at once.
 */
export const PREVIEW_PAUSE_MS = 250;
let drawn: PreviewContent | null = null;
let pause: ReturnType<typeof setTimeout> | undefined;

function draw(content: PreviewContent): void {
  clearTimeout(pause);
  pause = undefined;
  drawn = content;
  scene?.show(content);
}

function drawSoon(content: PreviewContent): void {
  const sameCard = drawn !== null && drawn.name === content.name && drawn.stakeholder?.portrait === content.stakeholder?.portrait;
  if (!sameCard) {
    draw(content);
    return;
  }
  clearTimeout(pause);
  pause = setTimeout(() => draw(content), PREVIEW_PAUSE_MS);
}

function copyToPhone(): void {
  const source = game?.canvas;
  if (!source || !phone) return;
  const context = phone.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, phone.width, phone.height);
  context.drawImage(source, 0, 0, phone.width, phone.height);
}

function start(parent: HTMLElement): void {
  game = new Phaser.Game({
    // The canvas renderer: a second WebGL context beside the game's would cost memory for one picture.
    type: Phaser.CANVAS,
    parent,
    width: WIDTH,
    height: HEIGHT,
    transparent: true,
    audio: { noAudio: true },
    banner: false,
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    loader: { imageLoadType: 'HTMLImageElement' },
    scene: [],
  });
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    copyToPhone();
    // One frame per change: the picture stands still until the card does.
    game?.loop.sleep();
  });
  game.events.once(Phaser.Core.Events.READY, () => {
    scene = new PreviewScene();
    game!.scene.add('editor-preview', scene, true);
    game!.events.once(Phaser.Core.Events.POST_STEP, () => {
      if (waiting) draw(waiting);
    });
  });
}

/** Ends the preview's game (the editor is closed). */
export function stopPreview(): void {
  clearTimeout(pause);
  pause = undefined;
  drawn = null;
  game?.destroy(true);
  game = null;
  scene = null;
  phone = null;
}

export function CardPreview({ content }: { content: PreviewContent }): El {
  const host = useRef<HTMLDivElement>(null);
  const phoneCanvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    phone = phoneCanvas.current;
    if (!game && host.current) start(host.current);
    else if (game && host.current && game.canvas.parentElement !== host.current) host.current.append(game.canvas);
    waiting = content;
    if (scene?.sys.isActive()) drawSoon(content);
  }, [content.stakeholder?.portrait, content.name, content.text]);
  const description = t('edPreviewDescription', { name: content.name, text: content.text });
  return h('aside', { class: 'mme-preview', 'aria-labelledby': 'mme-preview-title' },
    h('h3', { id: 'mme-preview-title' }, t('edPreviewTitle')),
    h('figure', null,
      h('div', { ref: host, class: 'mme-preview-projector', role: 'img', 'aria-label': description, style: { width: `${WIDTH * PROJECTOR_SCALE}px`, height: `${HEIGHT * PROJECTOR_SCALE}px` } }),
      h('figcaption', null, t('edPreviewProjector'))),
    h('figure', null,
      h('canvas', { ref: phoneCanvas, class: 'mme-preview-phone', width: Math.round(WIDTH * PHONE_SCALE * 2), height: Math.round(HEIGHT * PHONE_SCALE * 2), style: { width: `${Math.round(WIDTH * PHONE_SCALE)}px`, height: `${Math.round(HEIGHT * PHONE_SCALE)}px` }, role: 'img', 'aria-label': description }),
      h('figcaption', null, t('edPreviewPhone'))));
}
