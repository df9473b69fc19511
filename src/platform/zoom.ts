/**
 * Browser zoom, told apart from a screen's own pixel density. The drawn stage is laid out for the
 * window's shape and scaled to fit it, so zooming in (Ctrl +) alone would change nothing a reader can
 * see: the same stage, fitted to fewer CSS pixels each drawn larger. WCAG 1.4.4 asks that text grow
 * with the zoom. Between 110% and 175% the game therefore shows the accessible layer as large text
 * that reflows, as it already does from 200% up (a window under 1000 × 600 CSS pixels), rather than
 * drawing larger text on the stage: every room screen is fitted to a 1080-high stage at 28 px or more,
 * and text grown on it would overlap or be cut off, where the layer reflows any size and carries every
 * screen already (the QR code, the timer, the phones, the team names, the charts in words).
 *
 * No browser says its zoom level. Chromium and Safari keep `outerWidth` in screen pixels and shrink
 * `innerWidth` as the page zooms, and zoom multiplies `devicePixelRatio` by the same factor; a panel
 * docked beside the page (developer tools, a sidebar) narrows `innerWidth` too but leaves the pixel
 * ratio alone. So the ratio outer/inner counts as zoom only when the pixel ratio divided by it is a
 * density screens have (1, 1.25, 1.5 … in quarter steps): a 125% Windows laptop at 100% zoom has
 * outer = inner and keeps the drawn stage. Where a browser reports no usable outer size (Firefox keeps
 * it in CSS pixels), the zoom reads as 100% and the 200% rule above still applies.
 */

/** From this zoom the accessible layer takes over (WCAG 1.4.4 counts from 110%). */
export const LAYER_ZOOM = 1.1;

/** The browser's zoom factor as well as the window tells it, or 1 when it cannot be told. */
export function browserZoom(view: Pick<Window, 'outerWidth' | 'innerWidth' | 'devicePixelRatio'> = window): number {
  const { outerWidth, innerWidth, devicePixelRatio } = view;
  if (!(outerWidth > 0 && innerWidth > 0)) return 1;
  const ratio = outerWidth / innerWidth;
  if (ratio < 1.05) return 1;
  const density = (devicePixelRatio || 1) / ratio;
  // The pixel ratio did not grow with the narrower page: a docked panel, not zoom.
  const step = Math.round(density * 4) / 4;
  if (step < 1 || Math.abs(density - step) > 0.04 * step) return 1;
  return ratio;
}

/** Zoomed in far enough that the drawn stage would not show text any larger: the layer shows instead. */
export function zoomedIn(view?: Pick<Window, 'outerWidth' | 'innerWidth' | 'devicePixelRatio'>): boolean {
  return browserZoom(view) >= LAYER_ZOOM - 0.005;
}
