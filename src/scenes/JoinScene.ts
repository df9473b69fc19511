/**
 * The projector's join screen for phone votes: a QR code, the short address and the room code, large
 * enough to read and scan from the back of the room, and how many phones joined, counting up live.
 * Enter (or the presenter's next key) goes on to the cards; J on the cards comes back here.
 */
import * as Phaser from 'phaser';
import { create as createQr } from 'qrcode';
import { t } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { STAGE, stageSize } from '../platform/viewport.ts';
import { nextPhoneAddress, onPhones, phoneFigures, removeRecentPhones, type PhoneFigures } from '../session/phones.ts';
import { Button, FocusList } from '../ui/button.ts';
import { listScreen } from '../ui/describe.ts';
import { qrPicture } from '../ui/qrPicture.ts';
import { keysOrTaps } from '../ui/touch.ts';
import { addText, fitWidth } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen } from './flow.ts';
import { joinedText, phoneLine, problemText, recentText } from './phoneStatus.ts';
import { RoomScene } from './roomScene.ts';

interface Layout {
  width: number;
  qr: { x: number; y: number; size: number };
  right: { x: number; width: number };
}

/** The QR code on the left, the address and code on the right, for any projector shape (1350–1920 wide). */
function layout(): Layout {
  const { width } = stageSize();
  const margin = 110;
  const gap = 90;
  const size = Math.round(Math.min(640, (width - 2 * margin - gap) * 0.46));
  const x = margin + size + gap;
  return { width, qr: { x: margin, y: 190, size }, right: { x, width: width - x - margin } };
}

/** The QR code drawn as squares into the canvas: made here from the address, nothing fetched. */
function drawQr(QR_BOX: Layout['qr'], link: string | null, graphics: Phaser.GameObjects.Graphics): void {
  graphics.clear();
  graphics.fillStyle(colour.white, 1).fillRoundedRect(QR_BOX.x, QR_BOX.y, QR_BOX.size, QR_BOX.size, 24);
  graphics.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(QR_BOX.x, QR_BOX.y, QR_BOX.size, QR_BOX.size, 24);
  if (!link) return;
  const modules = createQr(link, { errorCorrectionLevel: 'M' }).modules;
  // Four modules of white around the code, as scanners expect.
  const cell = Math.floor(QR_BOX.size / (modules.size + 8));
  const offset = (QR_BOX.size - cell * modules.size) / 2;
  graphics.fillStyle(0x000000, 1);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) graphics.fillRect(QR_BOX.x + offset + column * cell, QR_BOX.y + offset + row * cell, cell, cell);
    }
  }
}

function shortAddress(address: string | null): string {
  return address ? address.replace(/^https?:\/\//, '') : '';
}

export class JoinScene extends RoomScene {
  constructor() {
    super('join');
  }

  create(): void {
    const room = this.openRoom();
    if (!room) return;
    const first = room.workshop.teams.every((team) => team.decisions.length === 0);
    const { width, qr: box, right } = layout();
    addText(this, 110, 56, t('joinTitle'), { size: 64, bold: true });
    const qr = this.add.graphics();
    addText(this, right.x, box.y, t('joinScan'), { size: 36, colour: colour.inkSoft, width: right.width });
    const address = addText(this, right.x, box.y + 56, '', { size: 60, bold: true, colour: colour.accent });
    // With several networks (Wi-Fi and a cable, a hotspot) the trainer can show another address.
    const other = addText(this, right.x, box.y + 134, '', { size: 28, colour: colour.inkSoft, width: right.width });
    other.setInteractive({ useHandCursor: true }).on('pointerup', () => nextPhoneAddress());
    addText(this, right.x, box.y + 180, t('joinCode'), { size: 36, colour: colour.inkSoft });
    const code = addText(this, right.x, box.y + 230, '', { size: 140, bold: true });
    const joined = addText(this, right.x, box.y + 420, '', { size: 48, bold: true, width: right.width });
    const status = addText(this, right.x, box.y + 500, '', { size: 30, bold: true, colour: colour.danger, width: right.width });

    let shownLink: string | null | undefined;
    // The same code as a picture for the accessible layer, where it is the visible screen (large text).
    let picture: string | null = null;
    const paint = (figures: PhoneFigures | null) => {
      if (!figures) return;
      if (figures.link !== shownLink) {
        shownLink = figures.link;
        drawQr(box, figures.link, qr);
        picture = null;
        const link = figures.link;
        if (link) void qrPicture(link).then((url) => {
          if (shownLink !== link) return;
          picture = url;
          requestFrames();
        });
      }
      address.setText(shortAddress(figures.address));
      fitWidth(address, right.width, 36);
      other.setText(figures.addresses > 1 ? t('joinOtherAddress', { index: figures.addressIndex + 1, count: figures.addresses }) : '');
      code.setText(figures.code && figures.status === 'open' ? figures.code.split('').join(' ') : '');
      fitWidth(code, right.width, 72);
      joined.setText(figures.status === 'open' && !figures.problem ? joinedText(figures) : '');
      // A burst of joins is said where the count is, with the key that removes them.
      status.setText(problemText(figures) || (figures.status !== 'open' ? phoneLine(figures) : recentText(figures) || (figures.address ? '' : t('joinNoNetwork'))));
      requestFrames();
    };
    paint(phoneFigures());
    const stop = onPhones(() => {
      if (this.scene.isActive()) paint(phoneFigures());
    });

    const go = () => goScreen(this.game, 'workshop');
    const button = new Button(this, right.x, 860, { width: Math.min(760, right.width), label: t(first ? 'joinStart' : 'joinBack'), align: 'center', textSize: 40, onActivate: go, onHover: () => focus.focus(0) });
    const focus = new FocusList([button]);
    focus.focus(0);
    addText(this, width / 2, STAGE.height - 40, keysOrTaps('joinHint', 'joinHintTouch'), { size: 28, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });

    const release = pushHandler((command: Command) => {
      switch (command.kind) {
        case 'confirm': case 'forward': go(); return true;
        case 'letter':
          if (command.key === 'j') go();
          if (command.key === 'a') nextPhoneAddress();
          if (command.key === 'x') removeRecentPhones();
          return true;
        case 'choice': case 'next': case 'previous': case 'back': case 'more': case 'less': return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      release();
      stop();
    });
    showScreen('join', () => {
      const figures = phoneFigures();
      const facts = { stage: stageSize(), code: figures?.code ?? null, address: figures?.address ?? null, addresses: figures?.addresses ?? 0, addressIndex: figures?.addressIndex ?? 0, link: figures?.link ?? null, status: figures?.status ?? 'off', joined: figures?.joined ?? 0, texts: [address.text, other.text, code.text, joined.text, status.text] };
      const lines = [`${t('joinScan')} ${address.text}`, other.text, `${t('joinCode')}: ${code.text}`, joined.text, status.text].filter((line) => line.trim() !== '');
      return listScreen(t('joinTitle'), focus, facts, [...(picture ? [{ role: 'text' as const, name: 'qr', image: picture }] : []), ...lines.map((text) => ({ role: 'text' as const, text }))]);
    });
    settle();
    requestFrames();
  }
}
