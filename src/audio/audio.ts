/**
 * The game's only way to make sound (Phaser's audio is switched off). Sounds load after the first
 * user input, as browsers require; any failure — no files, no codec, no audio device — is
 * swallowed, because sound must never stop or delay the game.
 */
import { Howl, Howler } from 'howler';
import { settings } from '../platform/settings.ts';

type SoundName = 'card' | 'choice' | 'up' | 'down' | 'danger' | 'ending' | 'timer' | 'click';

const files = import.meta.glob<string>('../../assets/audio/*.{ogg,webm,mp3}', { query: '?url', import: 'default', eager: true });

function sourcesFor(name: SoundName): string[] {
  // Ogg/WebM first: smaller and gapless; MP3 for Safari.
  const order = ['webm', 'ogg', 'mp3'];
  return Object.entries(files)
    .filter(([path]) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '') === name)
    .sort(([a], [b]) => order.indexOf(a.slice(a.lastIndexOf('.') + 1)) - order.indexOf(b.slice(b.lastIndexOf('.') + 1)))
    .map(([, url]) => url);
}

const VOLUME: Partial<Record<SoundName, number>> = { up: 0.5, down: 0.5, click: 0.4, danger: 0.6 };

let unlocked = false;
const howls = new Map<SoundName, Howl | null>();
/** Sounds decoded and ready, and sounds that could not load: for the inspector, never shown. */
const counts = { loaded: 0, failed: 0 };

function howlFor(name: SoundName): Howl | null {
  if (howls.has(name)) return howls.get(name)!;
  let howl: Howl | null = null;
  const src = sourcesFor(name);
  if (src.length > 0) {
    try {
      howl = new Howl({
        src,
        volume: VOLUME[name] ?? 0.7,
        preload: true,
        onload: () => counts.loaded++,
        onloaderror: () => {
          counts.failed++;
          howls.set(name, null);
        },
        onplayerror: () => undefined,
      });
    } catch {
      howl = null;
    }
  }
  howls.set(name, howl);
  return howl;
}

function applyMute(muted: boolean): void {
  try {
    Howler.mute(muted);
  } catch {
    // No audio device: nothing to mute.
  }
}

/** Called on the first key or pointer press: from then on sounds may load and play. */
function unlock(): void {
  if (unlocked) return;
  unlocked = true;
  applyMute(settings.get().muted);
  for (const name of ['card', 'choice', 'up', 'down'] as const) howlFor(name);
}

export const audio = {
  listenForFirstInput(target: Window = window): void {
    const first = () => {
      unlock();
      target.removeEventListener('keydown', first, true);
      target.removeEventListener('pointerdown', first, true);
    };
    target.addEventListener('keydown', first, true);
    target.addEventListener('pointerdown', first, true);
    settings.subscribe((s) => {
      if (unlocked) applyMute(s.muted);
    });
  },
  status(): { loaded: number; failed: number } {
    return { ...counts };
  },
  play(name: SoundName): void {
    if (!unlocked || settings.get().muted) return;
    try {
      howlFor(name)?.play();
    } catch {
      // A sound that cannot play is skipped.
    }
  },
};
