/** Filling in message templates and signing numbers, shared by the screens and the downloadable report. */

export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** +8, −12 (a real minus sign), or 0. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `\u2212${Math.abs(value)}` : '0';
}
