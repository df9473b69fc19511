/**
 * The join screen's QR code as a picture for the accessible layer, which is the visible screen on a
 * tablet in portrait, in a zoomed-in window and with larger text: phones must still scan it there.
 * The same library that draws it on the canvas writes it as SVG (nothing fetched), kept as a data URL,
 * which the Content-Security-Policy allows for images.
 */
import { toString as qrSvg } from 'qrcode';

const made = new Map<string, string>();

/** The picture of `link`'s QR code, made once per link; four modules of white around it, as scanners expect. */
export async function qrPicture(link: string): Promise<string> {
  const known = made.get(link);
  if (known) return known;
  const svg = await qrSvg(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  made.set(link, url);
  return url;
}
