/** Hands a file made in the browser to the user as a download; nothing is uploaded anywhere. */

export function downloadFile(name: string, content: string, type = 'text/html;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * `many-masters-school-2026-11-24.html`: the scenario and the local date, so a trainer can file it. In
 * Dutch the name is Dutch too, `meerdere-heren-dienen-verslag-de-school-wie-is-je-klant-2026-11-24.html`,
 * from the scenario's Dutch title (its id when the title has no letters or digits).
 */
export function reportFileName(scenarioId: string, date: Date, language: 'nl' | 'en' = 'en', title = ''): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (language === 'nl') {
    // Accents off ("één" → "een"), then anything but letters and digits becomes one hyphen.
    const words = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
    return `meerdere-heren-dienen-verslag-${words || scenarioId.replace(/[^a-z0-9-]+/gi, '-')}-${day}.html`;
  }
  const safe = scenarioId.replace(/[^a-z0-9-]+/gi, '-');
  return `many-masters-${safe}-${day}.html`;
}
