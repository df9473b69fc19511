/** Browser zoom is told apart from a screen's own density and from a panel docked beside the page. */
import { describe, expect, it } from 'vitest';
import { browserZoom, zoomedIn } from '../../src/platform/zoom.ts';

describe('browser zoom', () => {
  it('reads Chromium’s zoom from the outer and inner width', () => {
    // 1920 screen pixels wide at 125% and 150%: fewer CSS pixels, each drawn larger.
    expect(browserZoom({ outerWidth: 1920, innerWidth: 1536, devicePixelRatio: 1.25 })).toBeCloseTo(1.25);
    expect(zoomedIn({ outerWidth: 1920, innerWidth: 1536, devicePixelRatio: 1.25 })).toBe(true);
    expect(zoomedIn({ outerWidth: 1920, innerWidth: 1280, devicePixelRatio: 1.5 })).toBe(true);
    // 110% on a window with borders, and on a 125% Windows laptop.
    expect(zoomedIn({ outerWidth: 1936, innerWidth: 1745, devicePixelRatio: 1.1 })).toBe(true);
    expect(zoomedIn({ outerWidth: 1536, innerWidth: 1396, devicePixelRatio: 1.375 })).toBe(true);
  });

  it('keeps the drawn stage at 100% on any density, with borders, or with a panel docked beside the page', () => {
    expect(zoomedIn({ outerWidth: 1536, innerWidth: 1536, devicePixelRatio: 1.25 })).toBe(false);
    expect(zoomedIn({ outerWidth: 1936, innerWidth: 1920, devicePixelRatio: 1 })).toBe(false);
    // Developer tools docked at the side: a narrower page, the same pixels.
    expect(zoomedIn({ outerWidth: 1920, innerWidth: 1280, devicePixelRatio: 1 })).toBe(false);
    expect(zoomedIn({ outerWidth: 1920, innerWidth: 1500, devicePixelRatio: 2 })).toBe(false);
    // Nothing to go by.
    expect(browserZoom({ outerWidth: 0, innerWidth: 1024, devicePixelRatio: 1 })).toBe(1);
  });
});
