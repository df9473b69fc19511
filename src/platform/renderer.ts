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
 */
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

export function chooseRenderer(search: URLSearchParams, onGpu: () => boolean = hardwareWebGL): RendererKind {
  const asked = search.get('renderer');
  if (asked === 'webgl' || asked === 'canvas') return asked;
  return onGpu() ? 'webgl' : 'canvas';
}
