/**
 * Which of Phaser's renderers this machine should get. WebGL when the browser has a real GPU; the
 * canvas 2D renderer when WebGL would be emulated on the CPU (SwiftShader, llvmpipe: a blocked or
 * missing GPU driver, a virtual machine, a remote desktop) or is not there at all.
 *
 * Why: emulated WebGL fills about one 1080p screen of pixels per 20 ms here, so the play screen,
 * which covers the screen two to three times over, took 100 ms a frame while cards moved; the
 * canvas 2D renderer draws the same frame within one 60 Hz frame. Our flat drawing uses nothing
 * that only WebGL has (no filters or shaders), so both renderers show the same picture.
 *
 * `?renderer=webgl` or `?renderer=canvas` overrides the choice: for tests, and for a trainer whose
 * laptop is misjudged.
 *
 * Finding out costs a WebGL context of its own, which a slow laptop makes in 70 ms or more before
 * the first screen can appear. So a canvas answer is remembered in this browser and used at the
 * next start, and the browser is asked again once the game is running, for the start after that.
 * A WebGL answer is not taken on trust: should WebGL be switched off since, Phaser would refuse to
 * start, so with a GPU the browser is asked at every start, as before.
 */
import { afterStart } from './afterStart.ts';

export type RendererKind = 'webgl' | 'canvas';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** True for the names browsers give WebGL when it runs on the CPU. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

/** Whether this browser has WebGL on a GPU, rather than emulated on the CPU or missing. */
function hardwareWebGL(): boolean {
  const canvas = document.createElement('canvas');
  // Browsers refuse a context with this flag when they would emulate it; not all do, hence the name check too.
  const options: WebGLContextAttributes = { failIfMajorPerformanceCaveat: true };
  const gl = (canvas.getContext('webgl2', options) ?? canvas.getContext('webgl', options)) as WebGLRenderingContext | null;
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return !isSoftwareRenderer(name);
}

const KEY = 'many-masters.renderer';

/** The renderer this browser was found to suit at an earlier start, if storage allows. */
export function rememberedRenderer(storage: Pick<Storage, 'getItem'> | null = browserStorage()): RendererKind | null {
  try {
    const kind = storage?.getItem(KEY);
    return kind === 'webgl' || kind === 'canvas' ? kind : null;
  } catch {
    return null;
  }
}

function remember(kind: RendererKind, storage: Pick<Storage, 'setItem'> | null = browserStorage()): void {
  try {
    storage?.setItem(KEY, kind);
  } catch {
    // Not remembered (storage off or full): the next start asks the browser again.
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** `?renderer=` first, then canvas if an earlier start found it, then the browser asked now (and remembered). */
export function chooseRenderer(search: URLSearchParams, onGpu: () => boolean = hardwareWebGL, remembered: RendererKind | null = rememberedRenderer()): RendererKind {
  const asked = search.get('renderer');
  if (asked === 'webgl' || asked === 'canvas') return asked;
  if (remembered === 'canvas') return 'canvas';
  const found = onGpu() ? 'webgl' : 'canvas';
  remember(found);
  return found;
}

/** Asks the browser again after the start, for the next one: a driver, a setting or a dock may have changed. */
export function recheckRendererLater(): void {
  afterStart(() => remember(hardwareWebGL() ? 'webgl' : 'canvas'));
}
