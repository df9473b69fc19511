/**
 * npm run package [-- --out <folder>]: a zip a trainer can carry on a USB stick or mail to a colleague
 * (release/many-masters-<version>.zip). Inside, in one folder:
 *
 *   index.html             double-click it: the game from web/ beside it, no network needed
 *   meerdere-heren-dienen.html   the whole game in one file, to copy or mail on its own
 *   LEESMIJ-README.txt     "open index.html", in Dutch and English
 *   docs/*.html            the trainer guide, the authoring guide and the IT notes, readable offline
 *   docs/template.json     a scenario with every field, to start from
 *   web/                   the build as a web server serves it (service worker, manifest, icons)
 *
 * Beside the zip, the room apps: the game with the room server for phone votes in one file per system
 * (release/many-masters-room-<version>-<system>), for a trainer who cannot install Node
 * (scripts/roomApp.ts). They are separate files, so the zip stays the small download.
 * `--no-room-app` makes the zip alone.
 *
 * The one-file game is the production build with its only script and stylesheet written into the
 * page. No plugin is needed for that (the build already is one classic script and one stylesheet),
 * and it keeps a single build: the same files are in web/.
 *
 * Why index.html is not that one file: a browser keeps the compiled code of a script file between
 * starts, but never of a script inside a page. The one-file game compiles its 2 MB afresh every time,
 * which on an old laptop doubles the wait for the first card. So the page a trainer double-clicks
 * loads the script from web/, and the one-file copy is there for passing the game on.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { Marked } from 'marked';
import { gfmHeadingId } from 'marked-gfm-heading-id';
import { build } from 'vite';
import { launcherPage, ONE_FILE, oneFile } from './lib/zipPages.ts';
import { cachedRoomApps, size } from './roomApp.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The documents in the zip: source in docs/, title for the browser tab. */
export const DOCUMENTS = [
  { file: 'trainer-guide', title: 'Trainershandleiding · Trainer guide' },
  { file: 'authoring', title: 'Scenario’s schrijven · Writing scenarios' },
  { file: 'it', title: 'Voor de ICT-afdeling · For the IT department' },
] as const;

export const NOTE = `Meerdere heren dienen · Many Masters
====================================

NEDERLANDS
Dubbelklik op index.html om het spel te starten. Het opent in uw browser (Chrome, Edge of Firefox)
en werkt zonder internet en zonder installatie. Zit u nog in de zip? Pak de zip dan eerst uit.
Het spel bewaart uw spel in deze browser op deze computer.

- meerdere-heren-dienen.html  het hele spel in één bestand, om los te kopiëren of te mailen
                           (start op een oude laptop wat langzamer dan index.html)
- docs/trainer-guide.html  een workshop van 60 tot 90 minuten leiden
- docs/authoring.html      een eigen scenario schrijven (docs/template.json als begin)
- docs/it.html             voor de ICT-afdeling: intranet, offline, Content-Security-Policy
- web/                     dezelfde versie voor een webserver of het intranet

ENGLISH
Double-click index.html to start the game. It opens in your browser (Chrome, Edge or Firefox) and
works without internet and without installing anything. Still inside the zip? Extract it first.
The game keeps your game in this browser on this computer.

- meerdere-heren-dienen.html  the whole game in one file, to copy or mail on its own
                           (starts a little slower than index.html on an old laptop)
- docs/trainer-guide.html  running a 60 to 90 minute workshop
- docs/authoring.html      writing your own scenario (start from docs/template.json)
- docs/it.html             for the IT department: intranet, offline, Content-Security-Policy
- web/                     the same version for a web server or the intranet
`;

/** A guide from docs/ as a page of its own, readable and printable without the game or a network. */
export function documentPage(markdown: string, title: string): string {
  const marked = new Marked(gfmHeadingId());
  // Links between the guides point at their .html copies in the zip.
  const body = (marked.parse(markdown) as string)
    .replace(/href="(?:docs\/)?([a-z-]+)\.md(#[^"]*)?"/g, 'href="$1.html$2"')
    // The portraits the guide shows live beside docs/ in the project, not in the zip: written into
    // the page, so the gallery shows them wherever the page is opened.
    .replace(/src="(\.\.\/assets\/[a-z0-9/-]+\.svg)"/g, (_, path: string) => `src="data:image/svg+xml;base64,${readFileSync(join(ROOT, 'docs', path)).toString('base64')}"`);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { margin: 0; background: #f4ecdf; color: #2b2118; font: 18px/1.55 "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Verdana, sans-serif; }
main { max-width: 52em; margin: 0 auto; padding: 2em 1.5em 4em; }
h1, h2, h3, h4 { line-height: 1.25; } h2 { border-bottom: 2px solid #d9c7ad; padding-bottom: 0.2em; margin-top: 2em; }
a { color: #1d5c61; }
code { background: #fffcf6; border: 1px solid #e0d2bd; border-radius: 4px; padding: 0 0.25em; font-size: 0.92em; }
pre { background: #fffcf6; border: 1px solid #e0d2bd; border-radius: 6px; padding: 0.8em 1em; overflow-x: auto; }
pre code { border: 0; padding: 0; background: none; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #d9c7ad; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #e9dcc8; }
@media print { body { background: none; } main { max-width: none; padding: 0; } pre, table { break-inside: avoid; } }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function addFolder(zip: Zippable, folder: string, under: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) addFolder(zip, path, `${under}/${name}`);
    else zip[`${under}/${name}`] = new Uint8Array(readFileSync(path));
  }
}

/** Builds the game and writes the zip; returns its path. With `roomApp`, also the room apps beside it, each passed to it. */
export async function makePackage(out: string, roomApp?: (path: string) => void): Promise<string> {
  // A build of its own, so that dist/ (what `npm run preview` and the tests serve) is left alone.
  const dist = mkdtempSync(join(tmpdir(), 'many-masters-build-'));
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
    const zip = writeZip(dist, out);
    if (roomApp) {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      for (const app of await cachedRoomApps(dist, version)) {
        const copy = join(out, basename(app));
        copyFileSync(app, copy);
        chmodSync(copy, 0o755);
        roomApp(copy);
      }
    }
    return zip;
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

function writeZip(dist: string, out: string): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const top = `many-masters-${version}`;
  const text = (s: string) => new TextEncoder().encode(s);
  const zip: Zippable = {
    [`${top}/index.html`]: text(launcherPage(dist)),
    [`${top}/${ONE_FILE}`]: text(oneFile(dist)),
    // CRLF, so that Notepad on an older Windows shows the lines too.
    [`${top}/LEESMIJ-README.txt`]: text(NOTE.replace(/\n/g, '\r\n')),
    [`${top}/docs/template.json`]: new Uint8Array(readFileSync(join(ROOT, 'docs/template.json'))),
  };
  for (const doc of DOCUMENTS) zip[`${top}/docs/${doc.file}.html`] = text(documentPage(readFileSync(join(ROOT, 'docs', `${doc.file}.md`), 'utf8'), doc.title));
  addFolder(zip, dist, `${top}/web`);
  mkdirSync(out, { recursive: true });
  const path = join(out, `${top}.zip`);
  writeFileSync(path, zipSync(zip, { level: 9 }));
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'release') }, 'no-room-app': { type: 'boolean' } } });
  const apps: string[] = [];
  const zip = await makePackage(resolve(values.out!), values['no-room-app'] ? undefined : (app) => apps.push(app));
  console.log(`${relative(process.cwd(), zip)}  ${(statSync(zip).size / 1024 / 1024).toFixed(1)} MB`);
  for (const app of apps) console.log(`${relative(process.cwd(), app)}  ${size(app)}`);
}
