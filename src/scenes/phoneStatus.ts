/**
 * The phones' figures on the workshop screens, kept current as phones join and vote: how many joined
 * and how many voted, never the split (that waits for the reveal).
 */
import * as Phaser from 'phaser';
import { t } from '../locales/index.ts';
import { requestFrames } from '../platform/redraw.ts';
import { onPhones, phoneFigures, RECENT_SHOWN, type PhoneFigures, type PhoneProblem } from '../session/phones.ts';
import { addText } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';

export function joinedText(figures: PhoneFigures): string {
  return t(figures.joined === 1 ? 'phonesJoinedOne' : 'phonesJoinedMany', { count: figures.joined });
}

const PROBLEMS = new Map<PhoneProblem, 'phonesRoomLost' | 'phonesServerFull' | 'phonesTooManyRooms'>([['lost', 'phonesRoomLost'], ['server-full', 'phonesServerFull'], ['too-many-rooms', 'phonesTooManyRooms']]);

/** "5 phones joined in the last minute. X: remove them", when at least that many did; else empty. */
export function recentText(figures: PhoneFigures): string {
  return figures.recent >= RECENT_SHOWN ? t('phonesRecent', { count: figures.recent }) : '';
}

/** Why the room cannot be opened, in full (the join screen, the accessible layer); else empty. */
export function problemText(figures: PhoneFigures): string {
  return figures.problem ? t(PROBLEMS.get(figures.problem)!) : '';
}

/** "Phones: 8 of 12 voted", or the connection's trouble, in one short line; what `describe` reports for the inspector. */
export function phoneLine(figures: PhoneFigures): string {
  if (figures.problem) return t('phonesProblemShort');
  if (figures.status === 'lost') return t('phonesLost');
  if (figures.status !== 'open' || !figures.code) return t('phonesOpening');
  if (figures.recent >= RECENT_SHOWN) return t('phonesVotedRecent', { voted: figures.voted, joined: figures.joined, recent: figures.recent });
  return t('phonesVoted', { voted: figures.voted, joined: figures.joined });
}

/** Draws a line that follows the phones' figures while the scene runs; nothing when phones are off. */
export function drawPhoneLine(scene: Phaser.Scene, x: number, y: number, width: number, format: (figures: PhoneFigures) => string = phoneLine): Phaser.GameObjects.Text | null {
  const figures = phoneFigures();
  if (!figures) return null;
  const text = addText(scene, x, y, format(figures), { size: 30, bold: true, colour: colour.accent, width });
  // Trouble (no connection, a room that cannot be opened) is red.
  const tint = (now: PhoneFigures) => text.setColor(now.status === 'open' && !now.problem ? '#1d5c61' : '#a8231c');
  tint(figures);
  const stop = onPhones(() => {
    const now = phoneFigures();
    if (!now || !text.active) return;
    const line = format(now);
    if (line !== text.text) {
      text.setText(line);
      tint(now);
      requestFrames();
    }
  });
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  return text;
}
