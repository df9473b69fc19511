/** The card on the table: who brings it, their portrait, and what they ask. */
import * as Phaser from 'phaser';
import type { Stakeholder } from '../engine/format.ts';
import { addArt, portraitKey } from './art.ts';
import { addText, clampHeight, clampLines, fitHeight } from './text.ts';
import { colour, size } from './theme.ts';

interface CardContent {
  stakeholder: Stakeholder | undefined;
  name: string;
  text: string;
  /** "Follows from…", when the card is a consequence of an earlier choice. */
  ribbon?: string;
}

export const CARD_BOX = { x: 80, y: 282, width: 1000, height: 716 } as const;
const PAD = 44;
const PORTRAIT = 216;

export function drawCard(scene: Phaser.Scene, content: CardContent): Phaser.GameObjects.Container {
  const { width, height } = CARD_BOX;
  const container = scene.add.container(CARD_BOX.x, CARD_BOX.y);
  const g = scene.add.graphics();
  g.fillStyle(colour.shadow, 0.14).fillRoundedRect(0, 14, width, height, 36);
  g.fillStyle(colour.card, 1).fillRoundedRect(0, 0, width, height, 36);
  g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(0, 0, width, height, 36);
  const inner = scene.add.container(0, 0);
  container.add([g, inner]);

  let y = PAD - 6;
  if (content.ribbon) {
    const ribbonText = addText(scene, PAD + 28, y + 14, content.ribbon, { size: 28, bold: true, colour: colour.white, width: width - PAD * 2 - 56 });
    const ribbon = scene.add.graphics();
    ribbon.fillStyle(colour.accent, 1).fillRoundedRect(PAD, y, width - PAD * 2, ribbonText.height + 28, 18);
    inner.add([ribbon, ribbonText]);
    y += ribbonText.height + 28 + 22;
  }
  const portraitSize = content.ribbon ? PORTRAIT - 40 : PORTRAIT;
  const disc = scene.add.circle(width / 2, y + portraitSize / 2, portraitSize / 2 + 8, colour.paperDeep);
  inner.add(disc);
  inner.add(addArt(scene, portraitKey(content.stakeholder?.portrait), width / 2, y + portraitSize / 2, portraitSize));
  y += portraitSize + 22;
  const name = addText(scene, width / 2, y, content.name, { size: 36, bold: true, colour: colour.accent, originX: 0.5, width: width - PAD * 2, align: 'center' });
  clampLines(name, 2);
  inner.add(name);
  y += name.height + 18;
  inner.add(scene.add.rectangle(width / 2, y, 180, 3, colour.cardEdge));
  y += 26;
  const text = addText(scene, PAD, y, content.text, { size: size.cardText, width: width - PAD * 2, lineSpacing: 10 });
  fitHeight(text, height - y - PAD + 10, 34);
  clampHeight(text, height - y - PAD + 10);
  inner.add(text);
  // Short cards sit in the middle of the card rather than hanging from its top edge.
  inner.y = Math.max(0, (height - PAD - (y + text.height)) / 2);
    return container;
}
