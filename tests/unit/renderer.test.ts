import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer, rememberedRenderer } from '../../src/platform/renderer.ts';

describe('choosing the renderer', () => {
  it('recognises the names browsers give WebGL that runs on the CPU', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
  });

  it('uses WebGL only on a GPU, and canvas 2D when WebGL is emulated or missing', () => {
    const none = new URLSearchParams();
    expect(chooseRenderer(none, () => true)).toBe('webgl');
    expect(chooseRenderer(none, () => false)).toBe('canvas');
  });

  it('follows ?renderer= over the probe, and ignores other values', () => {
    expect(chooseRenderer(new URLSearchParams('renderer=webgl'), () => false)).toBe('webgl');
    expect(chooseRenderer(new URLSearchParams('renderer=canvas'), () => true)).toBe('canvas');
    expect(chooseRenderer(new URLSearchParams('renderer=vulkan'), () => true)).toBe('webgl');
  });
});

describe('remembering the renderer between starts', () => {
  const storage = (value: string | null) => ({ getItem: () => value });
  it('uses canvas found at an earlier start without asking the browser again', () => {
    const probe = () => {
      throw new Error('asked the browser');
    };
    expect(chooseRenderer(new URLSearchParams(), probe, 'canvas')).toBe('canvas');
  });

  it('asks again when WebGL was found before: WebGL may have been switched off since', () => {
    expect(chooseRenderer(new URLSearchParams(), () => false, 'webgl')).toBe('canvas');
    expect(chooseRenderer(new URLSearchParams(), () => true, 'webgl')).toBe('webgl');
  });

  it('lets ?renderer= win over the remembered one, and asks the browser when nothing is remembered', () => {
    expect(chooseRenderer(new URLSearchParams('renderer=webgl'), () => false, 'canvas')).toBe('webgl');
    expect(chooseRenderer(new URLSearchParams(), () => true, null)).toBe('webgl');
  });

  it('reads only a known renderer, and nothing when storage is off', () => {
    expect(rememberedRenderer(storage('canvas'))).toBe('canvas');
    expect(rememberedRenderer(storage('vulkan'))).toBeNull();
    expect(rememberedRenderer(storage(null))).toBeNull();
    expect(rememberedRenderer({ getItem: () => { throw new Error('SecurityError'); } })).toBeNull();
    expect(rememberedRenderer(null)).toBeNull();
  });
});
