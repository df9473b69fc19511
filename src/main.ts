/**
 * Starts the game: Phaser on a canvas sized for the screen's real pixels, with Phaser's own audio off
 * (Howler plays sound), while the bundled font downloads; the first screen waits for the font, so no
 * text is ever drawn in a fallback face.
 */
// First, so that a failure anywhere while the script starts is shown on the page (see index.html).
import { failedToStart, started } from './platform/starting.ts';
import './font.css';
import * as Phaser from 'phaser';
import { audio } from './audio/audio.ts';
import { exposeInspector, exposeTexts, type DrawnText } from './platform/inspector.ts';
import { keepOfflineCopy } from './platform/offline.ts';
import { listenToKeys, settled } from './platform/keys.ts';
import { drawOnDemand, isMoving, isSleeping } from './platform/redraw.ts';
import { chooseRenderer, recheckRendererLater } from './platform/renderer.ts';
import { currentScreen, frameDrawn, screenDrawnAt } from './platform/screen.ts';
import { settings } from './platform/settings.ts';
import { followViewport, parentCanvas, stageSize } from './platform/viewport.ts';
import { language } from './locales/index.ts';
import { problemText } from './locales/authoring.ts';
import { allLevels } from './session/levels.ts';
import { phonesAvailable } from './session/phones.ts';
import { currentSession } from './session/session.ts';
import { applyTextResolution, initTextResolution } from './ui/text.ts';
import { artFailed, artWaiting } from './ui/art.ts';
import { FONT } from './ui/theme.ts';
import { installGlobalCommands, startFirstScreen } from './scenes/navigation.ts';
import { SCENES } from './scenes/list.ts';
import { installAuthoring } from './authoring/flow.ts';
import { installLiveReload } from './authoring/liveReload.ts';
import { installLayer, refreshLayer } from './a11y/layer.ts';
import { installPresenterLink, PRESENTER_MARK } from './presenter/projector.ts';

const FONT_TIMEOUT_MS = 4000;

/** A text's box on its scene's stage, and as fractions of the canvas (where its camera shows it). */
function textBoxes(text: Phaser.GameObjects.Text, camera: Phaser.Cameras.Scene2D.Camera, canvas: { width: number; height: number }): { left: number; top: number; right: number; bottom: number; onCanvas: { left: number; top: number; right: number; bottom: number } } {
  const box = text.getBounds();
  const view = camera.worldView;
  const x = (value: number) => ((value - view.x) * camera.zoom + camera.x) / canvas.width;
  const y = (value: number) => ((value - view.y) * camera.zoom + camera.y) / canvas.height;
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, onCanvas: { left: x(box.left), top: y(box.top), right: x(box.right), bottom: y(box.bottom) } };
}

async function fontsReady(): Promise<void> {
  const family = FONT.split(',')[0]!;
  const loads = Promise.all([document.fonts.load(`400 40px ${family}`, 'Aa'), document.fonts.load(`700 40px ${family}`, 'Aa')]);
  // A blocked font file must not keep the trainer waiting; the CSS fallbacks are legible too.
  await Promise.race([loads, new Promise((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS))]).catch(() => undefined);
}

function boot(): void {
  // Started before Phaser, so the download overlaps Phaser's own start-up instead of preceding it.
  const fonts = fontsReady();
  const parent = document.getElementById('game')!;
  // First, so the stage is sized for the room the touch bar leaves it.
  installLayer();
  const canvas = parentCanvas(parent);
  const renderer = chooseRenderer(new URLSearchParams(location.search));
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    // The paper colour is the canvas element's CSS background (index.html), drawn by the compositor:
    // Phaser then does not fill 1920×1080 pixels on the main thread at start and before every frame.
    transparent: true,
    audio: { noAudio: true },
    banner: false,
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: canvas.width,
      height: canvas.height,
    },
    render: { antialias: true, mipmapFilter: 'LINEAR_MIPMAP_LINEAR' },
    // Phaser also takes presses on other elements (windowEvents) and maps them onto the canvas: a tap on a
    // button of the visible accessible layer would then press the hidden canvas button under it as well.
    input: { keyboard: false, windowEvents: false },
    // Art loads as <img> elements straight from their files, without a fetch, blob and decode round trip.
    loader: { imageLoadType: 'HTMLImageElement' },
    scene: [],
  });
  // Added one by one because Phaser would start the first scene of the config list at once, drawing
  // the title before the font is there (and for nothing when `?scenario=` opens a game directly).
  SCENES.forEach((scene, i) => game.scene.add(`scene${i}`, scene, false));
  initTextResolution(game);
  followViewport(game, parent, () => applyTextResolution(game));
  exposeInspector(() => {
    const session = currentSession();
    const screen = currentScreen();
    return {
      ...screen,
      language: language(),
      renderer,
      scenarioId: session?.scenario.id ?? null,
      state: session?.state ?? null,
      ready: settled(),
      sleeping: isSleeping(),
      moving: isMoving(),
      artWaiting: artWaiting(),
      artFailed: artFailed(),
      sounds: audio.status(),
      drawnAt: screenDrawnAt(),
      frame: game.loop.frame,
      levels: allLevels().map((l) => ({
        file: l.file,
        id: l.ok ? l.scenario.id : null,
        ok: l.ok,
        error: l.ok ? null : `${l.problem.line}:${l.problem.column} ${problemText(l.problem, 'en')}`,
      })),
      settings: { muted: settings.get().muted, showNumbers: settings.get().showNumbers, shortcuts: settings.get().shortcuts },
    };
  });
  exposeTexts(() => {
    const texts: DrawnText[] = [];
    const visit = (scene: string, camera: Phaser.Cameras.Scene2D.Camera, list: Phaser.GameObjects.GameObject[], alpha: number) => {
      for (const object of list) {
        if (object instanceof Phaser.GameObjects.Container) {
          if (object.visible) visit(scene, camera, object.list, alpha * object.alpha);
        } else if (object instanceof Phaser.GameObjects.Text && object.visible && object.alpha > 0 && object.text.trim() !== '') {
          const box = textBoxes(object, camera, game.scale);
          texts.push({ scene, text: object.text, lines: object.getWrappedText(), size: parseFloat(String(object.style.fontSize)), colour: String(object.style.color), alpha: alpha * object.alpha, ...box });
        }
      }
    };
    for (const scene of game.scene.getScenes(true)) visit(scene.sys.settings.key, scene.cameras.main, scene.children.list, 1);
    return { stage: stageSize(), texts };
  });
  // Whether a room server answers for phone votes, asked at the start so the workshop set-up knows at
  // once. Not from a page a service worker serves: that may be offline, and the set-up asks itself.
  if (!navigator.serviceWorker?.controller) void phonesAvailable();
  audio.listenForFirstInput();
  listenToKeys();
  installGlobalCommands(game);
  // Play my file (picker, drag-and-drop) and live reload of levels/.
  installAuthoring(game);
  installLiveReload(game);
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    frameDrawn();
    refreshLayer();
  });
  game.events.once(Phaser.Core.Events.READY, () => {
    drawOnDemand(game);
    void fonts.then(() => {
      document.getElementById('boot')?.remove();
      startFirstScreen(game, new URLSearchParams(location.search));
      started();
      keepOfflineCopy();
      recheckRendererLater();
    });
  });
}

// In a task of its own, after the script's top level has returned: a stack trace taken while the
// game starts (DevTools asks one for every request) then need not map positions in the whole script.
queueMicrotask(() => {
  // The presenter window is a page of its own, without the game: loaded only there.
  if (location.hash === PRESENTER_MARK) {
    void import('./presenter/page.ts').then((page) => {
      page.startPresenter();
      started();
    }, failedToStart);
    return;
  }
  try {
    installPresenterLink();
    boot();
  } catch (error) {
    failedToStart();
    throw error;
  }
});
