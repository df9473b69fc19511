/**
 * Text boxes for what people type themselves (team names, reflection answers): real HTML inputs laid
 * over the canvas in stage coordinates, so typing, IME and screen readers work as anywhere else.
 * Scenario text is never put here. The layer follows the canvas when the window resizes, hides under
 * the black screen, help and menu, and is removed with its scene.
 */
import * as Phaser from 'phaser';
import { STAGE } from '../platform/viewport.ts';
import { colour, css, FONT } from './theme.ts';

interface FieldOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  value: string;
  label: string;
  size: number;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
  onInput: (value: string) => void;
  onFocus?: () => void;
}

export type Field = HTMLInputElement | HTMLTextAreaElement;

export class FieldLayer {
  private readonly root: HTMLDivElement;
  private readonly fields: Field[] = [];
  private readonly detach: (() => void)[] = [];

  constructor(private readonly scene: Phaser.Scene) {
    this.root = document.createElement('div');
    this.root.className = 'mm-fields';
    // A landmark named by the screen's heading, so the text boxes are not outside every landmark.
    this.root.setAttribute('role', 'region');
    this.root.setAttribute('aria-labelledby', 'mm-screen-title');
    Object.assign(this.root.style, { position: 'fixed', left: '0', top: '0', width: `${STAGE.width}px`, height: `${STAGE.height}px`, transformOrigin: '0 0', pointerEvents: 'none', zIndex: '5' });
    document.body.append(this.root);
    const place = () => this.place();
    window.addEventListener('resize', place);
    const observer = new ResizeObserver(place);
    observer.observe(scene.game.canvas);
    this.detach.push(() => window.removeEventListener('resize', place), () => observer.disconnect());
    // Anything drawn over the screen (black screen, help, menu) must hide the boxes too.
    const overlay = scene.scene.get('overlay');
    const hide = () => this.setHidden(true);
    const show = () => this.setHidden(false);
    overlay.events.on(Phaser.Scenes.Events.CREATE, hide);
    overlay.events.on(Phaser.Scenes.Events.SHUTDOWN, show);
    this.detach.push(() => overlay.events.off(Phaser.Scenes.Events.CREATE, hide), () => overlay.events.off(Phaser.Scenes.Events.SHUTDOWN, show));
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.destroy());
    this.place();
  }

  add(options: FieldOptions): Field {
    const field = options.multiline ? document.createElement('textarea') : document.createElement('input');
    if (field instanceof HTMLInputElement) field.type = 'text';
    field.value = options.value;
    field.setAttribute('aria-label', options.label);
    if (options.placeholder) field.placeholder = options.placeholder;
    if (options.maxLength) field.maxLength = options.maxLength;
    field.spellcheck = true;
    Object.assign(field.style, {
      position: 'absolute',
      left: `${options.x}px`,
      top: `${options.y}px`,
      width: `${options.width}px`,
      height: `${options.height}px`,
      boxSizing: 'border-box',
      padding: '10px 16px',
      font: `${options.size}px ${FONT}`,
      lineHeight: '1.3',
      color: css(colour.ink),
      background: css(colour.card),
      border: `3px solid ${css(colour.inkSoft)}`,
      borderRadius: '14px',
      outline: 'none',
      resize: 'none',
      pointerEvents: 'auto',
    });
    field.addEventListener('input', () => options.onInput(field.value));
    field.addEventListener('focus', () => {
      field.style.border = `5px solid ${css(colour.focus)}`;
      options.onFocus?.();
    });
    field.addEventListener('blur', () => (field.style.border = `3px solid ${css(colour.inkSoft)}`));
    this.root.append(field);
    this.fields.push(field);
    return field;
  }

  /** Whether the player is typing in one of these boxes now. */
  typing(): boolean {
    return this.fields.some((f) => f === document.activeElement);
  }

  blur(): void {
    for (const field of this.fields) if (field === document.activeElement) field.blur();
  }

  private setHidden(hidden: boolean): void {
    if (hidden) this.blur();
    this.root.style.visibility = hidden ? 'hidden' : 'visible';
  }

  private place(): void {
    // The 1920×1080 layout sits centred in a canvas that may be another shape (a 4:3 projector).
    const box = this.scene.game.canvas.getBoundingClientRect();
    const scale = Math.min(box.width / STAGE.width, box.height / STAGE.height);
    this.root.style.transform = `translate(${box.left + (box.width - STAGE.width * scale) / 2}px, ${box.top + (box.height - STAGE.height * scale) / 2}px) scale(${scale})`;
  }

  private destroy(): void {
    this.blur();
    this.detach.forEach((undo) => undo());
    this.root.remove();
  }
}
