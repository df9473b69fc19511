/**
 * The zip's two pages made from the build's index.html: the one-file game and the launcher that loads
 * the game from web/. The package and the bench both make them, so they live here rather than in either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The build's page with its one script and stylesheet written in: a game in one file. */
export function oneFile(dist: string): string {
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  const script = /<script defer src="\.\/(assets\/[^"]+\.js)"><\/script>\s*/.exec(html);
  const style = /<link rel="stylesheet" href="\.\/(assets\/[^"]+\.css)">\s*/.exec(html);
  if (!script || !style) throw new Error('dist/index.html does not have the one script and stylesheet this expects: run npm run build');
  // "</script" would end the element early; "<\/script" means the same inside any string or regex.
  const inline = (file: string) => {
    const safe = readFileSync(join(dist, file), 'utf8').replace(/<\/script/gi, '<\\/script');
    if (/<!--/.test(safe)) throw new Error(`${file} contains "<!--", which an inline script must not`);
    return safe;
  };
  const safeJs = inline(script[1]!);
  // The scenario editor's own script (scripts/vite-editor-plugin.ts) comes along: a file alone has
  // nothing beside it to load it from. It only defines the editor's function until the editor is opened.
  const editor = readdirSync(join(dist, 'assets')).filter((name) => /^editor-[^/]*\.js$/.test(name));
  if (editor.length !== 1) throw new Error(`dist/assets has ${editor.length} editor scripts, where one was expected: run npm run build`);
  const editorJs = inline(`assets/${editor[0]!}`);
  const css = readFileSync(join(dist, style[1]!), 'utf8');
  const icon = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(dist, 'icons/app.svg'), 'utf8'))}`;
  html = html
    .replace(script[0], '')
    .replace(style[0], () => `<style>${css}</style>\n`)
    // No web app from a file: no manifest, and the icons come along inside the page.
    .replace(/\s*<link rel="manifest"[^>]*>/, '')
    .replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '')
    .replace(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${icon}"`)
    // At the end of the body, where a deferred script would run: after #game and #blocked exist.
    .replace('</body>', () => `<script>${safeJs}</script>\n<script>${editorJs}</script>\n</body>`);
  return html;
}

/** The zip's one-file game, beside index.html. */
export const ONE_FILE = 'meerdere-heren-dienen.html';

/**
 * The build's page, opened from the zip's top folder: its script, stylesheet and icons come from
 * web/. No manifest: a page opened from a file is no web app. Should web/ be missing (the page was
 * copied alone), the page says at once what to do instead of waiting.
 */
export function launcherPage(dist: string): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  if (!/<script defer src="\.\/assets\//.test(html)) throw new Error('dist/index.html does not have the script this expects: run npm run build');
  return html
    .replace(/\s*<link rel="manifest"[^>]*>/, '')
    .replace(/(href|src)="\.\/(assets|icons)\//g, '$1="./web/$2/')
    .replace(/<script defer src="([^"]+)"><\/script>/, `<script defer src="$1" onerror="document.documentElement.dataset.boot = 'failed'"></script>`);
}
