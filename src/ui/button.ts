/**
 * A large, flat button for keyboard, remote, mouse and touch. Focus is always visible: a filled
 * face plus an outer ring, so it reads without colour too.
 */
import * as Phaser from 'phaser';
import { addText, clampLines } from './text.ts';
import { colour, css, size as sizes } from './theme.ts';
import { requestFrames } from '../platform/redraw.ts';
import type { Command } from '../platform/keys.ts';
import type { ScreenItem } from '../platform/screenModel.ts';

interface ButtonOptions {
  width: number;
  minHeight?: number;
  label: string;
  /** A second, smaller line under the label (scenario descriptions). */
  detail?: string;
  detailLines?: number;
  /** A key shown in a badge at the left, such as "1". */
  badge?: string;
  textSize?: number;
  align?: 'left' | 'center';
  disabled?: boolean;
  onActivate: () => void;
  onHover?: () => void;
}

const PAD_X = 32;
const PAD_Y = 24;
const RADIUS = 20;
const BADGE = 60;
const RING = 6;

export class Button extends Phaser.GameObjects.Container {
  readonly label: Phaser.GameObjects.Text;
  readonly buttonHeight: number;
  private readonly face: Phaser.GameObjects.Graphics;
  private readonly badgeText: Phaser.GameObjects.Text | null;
  readonly detail: Phaser.GameObjects.Text | null;
  private focused = false;
  readonly disabled: boolean;

  constructor(scene: Phaser.Scene, x: number, y: number, private readonly options: ButtonOptions) {
    super(scene, x, y);
    this.disabled = options.disabled ?? false;
    const textSize = options.textSize ?? sizes.choice;
    const badgeSpace = options.badge ? BADGE + 24 : 0;
    const textWidth = options.width - PAD_X * 2 - badgeSpace;
    this.face = scene.add.graphics();
    this.label = addText(scene, 0, 0, options.label, { size: textSize, width: textWidth, align: options.align ?? 'left', bold: true });
    // A label at the length limit would push the other buttons off the screen.
    clampLines(this.label, 4);
    this.detail = options.detail
      ? addText(scene, PAD_X + badgeSpace, 0, options.detail, { size: sizes.small + 4, width: textWidth })
      : null;
    if (this.detail && options.detailLines) clampLines(this.detail, options.detailLines);
    const detailHeight = this.detail ? Math.ceil(this.detail.height) + 10 : 0;
    const contentHeight = Math.ceil(this.label.height) + detailHeight;
    this.buttonHeight = Math.max(options.minHeight ?? 0, contentHeight + PAD_Y * 2, options.badge ? BADGE + PAD_Y * 2 - 8 : 0);
    const labelX = options.align === 'center' ? (options.width + badgeSpace) / 2 : PAD_X + badgeSpace;
    if (this.detail) {
      const top = (this.buttonHeight - contentHeight) / 2;
      this.label.setOrigin(0, 0).setPosition(labelX, top);
      this.detail.setPosition(labelX, top + this.label.height + 10);
    } else {
      this.label.setOrigin(options.align === 'center' ? 0.5 : 0, 0.5).setPosition(labelX, this.buttonHeight / 2);
    }
    this.badgeText = options.badge
      ? addText(scene, PAD_X + BADGE / 2, this.buttonHeight / 2, options.badge, { size: 34, bold: true, originX: 0.5, originY: 0.5 })
      : null;
    const zone = scene.add.zone(0, 0, options.width, this.buttonHeight).setOrigin(0, 0);
    this.add([this.face, this.label, ...(this.detail ? [this.detail] : []), ...(this.badgeText ? [this.badgeText] : []), zone]);
    if (!this.disabled) {
      zone.setInteractive({ useHandCursor: true });
      zone.on('pointerover', () => options.onHover?.());
      zone.on('pointerup', () => options.onActivate());
    }
    this.paint();
    scene.add.existing(this);
  }

  get buttonWidth(): number {
    return this.options.width;
  }

  setFocused(focused: boolean): this {
    if (this.focused !== focused) {
      this.focused = focused;
      this.paint();
      requestFrames();
    }
    return this;
  }

  isFocused(): boolean {
    return this.focused;
  }

  activate(): void {
    if (!this.disabled) this.options.onActivate();
  }

  private paint(): void {
    const { width } = this.options;
    const h = this.buttonHeight;
    const g = this.face.clear();
    if (this.focused) {
      g.lineStyle(RING, colour.focus, 1).strokeRoundedRect(-RING * 1.5, -RING * 1.5, width + RING * 3, h + RING * 3, RADIUS + RING);
    }
    g.fillStyle(colour.shadow, 0.12).fillRoundedRect(0, 6, width, h, RADIUS);
    const faceColour = this.disabled ? colour.paperDeep : this.focused ? colour.accent : colour.card;
    g.fillStyle(faceColour, 1).fillRoundedRect(0, 0, width, h, RADIUS);
    if (!this.focused) g.lineStyle(3, this.disabled ? colour.cardEdge : colour.inkSoft, 1).strokeRoundedRect(0, 0, width, h, RADIUS);
    const ink = this.focused ? colour.white : this.disabled ? colour.inkSoft : colour.ink;
    this.label.setColor(css(ink));
    this.detail?.setColor(css(this.focused ? colour.white : this.disabled ? colour.ink : colour.inkSoft));
    if (this.badgeText) {
      const cx = PAD_X + BADGE / 2;
      g.fillStyle(this.focused ? colour.white : colour.accent, 1).fillCircle(cx, h / 2, BADGE / 2);
      this.badgeText.setColor(css(this.focused ? colour.accent : colour.white));
    }
  }
}

/** Each scene's latest list, and the focus to give back when the scene is drawn again for a setting. */
const latestLists = new Map<string, FocusList>();
const keptFocus = new Map<string, { index: number; at: number }>();
/** A kept focus older than this belongs to no redraw (the scene was left another way) and is dropped. */
const KEEP_MS = 2000;

/** Before a scene is drawn again for a setting (language, numbers, sound): its new list starts where the focus was. */
export function keepFocus(sceneKey: string): void {
  const list = latestLists.get(sceneKey);
  if (list && list.current >= 0) keptFocus.set(sceneKey, { index: list.current, at: performance.now() });
}

/** Keeps one button of a list focused and moves focus by keys or pointer. */
export class FocusList {
  private index = -1;
  private restore: number | undefined;

  constructor(private readonly buttons: Button[], private readonly onChange: (index: number) => void = () => undefined) {
    const key = buttons[0]?.scene?.sys.settings.key;
    if (!key) return;
    latestLists.set(key, this);
    const kept = keptFocus.get(key);
    keptFocus.delete(key);
    if (!kept || performance.now() - kept.at >= KEEP_MS || kept.index >= buttons.length) return;
    this.restore = kept.index;
    // A screen that starts with no focus (the play screen) gets it back once it is drawn.
    queueMicrotask(() => {
      if (this.restore !== undefined && this.index === -1) this.focus(this.restore);
    });
  }

  get current(): number {
    return this.index;
  }

  get size(): number {
    return this.buttons.length;
  }

  focus(index: number): void {
    // A list whose screen was drawn again since (its buttons destroyed, on a resize) is gone: the
    // accessible layer may still hand its old button the focus for a moment.
    if (this.buttons.length === 0 || !this.buttons[0]!.scene) return;
    // The scene's first focus after a redraw for a setting goes where the focus was before it.
    if (this.restore !== undefined && this.index === -1) index = this.restore;
    this.restore = undefined;
    const next = ((index % this.buttons.length) + this.buttons.length) % this.buttons.length;
    if (next === this.index) return;
    this.buttons[this.index]?.setFocused(false);
    this.index = next;
    this.buttons[next]!.setFocused(true);
    this.onChange(next);
  }

  move(step: 1 | -1): void {
    if (this.index === -1) this.focus(step === 1 ? 0 : this.buttons.length - 1);
    else this.focus(this.index + step);
  }

  activate(): void {
    this.buttons[this.index]?.activate();
  }

  /** The keys every list of buttons answers the same way; false for any other command. */
  navigate(command: Command): boolean {
    switch (command.kind) {
      case 'next': case 'forward': this.move(1); return true;
      case 'previous': case 'back': this.move(-1); return true;
      case 'confirm': this.activate(); return true;
      default: return false;
    }
  }

  labels(): string[] {
    return this.buttons.map((b) => b.label.text);
  }

  /** The buttons as items of a screen description: activating one focuses and presses it, as a tap does. */
  items(prefix: string, extra: (index: number) => Partial<ScreenItem> = () => ({})): ScreenItem[] {
    return this.buttons.map((button, i) => ({
      id: `${prefix}${i}`,
      label: button.label.text,
      ...(button.detail?.text ? { detail: button.detail.text } : {}),
      ...(button.disabled ? { disabled: true } : {}),
      activate: () => {
        this.focus(i);
        this.activate();
      },
      onFocus: () => this.focus(i),
      ...extra(i),
    }));
  }

  /** The focused item's id in `items(prefix)`. */
  focusId(prefix: string): string | null {
    return this.index >= 0 ? `${prefix}${this.index}` : null;
  }
}
