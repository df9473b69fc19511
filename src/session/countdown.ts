/** The workshop's discussion timer: counts down in real time, can be paused, extended and skipped. */

export class Countdown {
  private endsAt = 0;
  private leftWhenPaused: number;
  private running = false;
  private skipped = false;
  private begun = false;
  /** Stopped while the help or the menu covers the screen, to go on when it closes (unless the trainer paused). */
  private held = false;

  constructor(readonly seconds: number, private readonly now: () => number = () => performance.now()) {
    this.leftWhenPaused = seconds * 1000;
  }

  /** What a save keeps: the time left and whether it was counting down. */
  snapshot(): { left: number; running: boolean } {
    return { left: Math.round(this.left()), running: this.running || this.held };
  }

  /** A timer as saved: the time away from the page is not counted. */
  static restore(seconds: number, saved: { left: number; running: boolean }, now?: () => number): Countdown {
    const timer = new Countdown(seconds, now);
    timer.leftWhenPaused = saved.left;
    timer.skipped = timer.enabled && saved.left === 0;
    if (saved.running || saved.left < seconds * 1000) timer.begun = true;
    if (saved.running) timer.start();
    return timer;
  }

  /** Off when the trainer chose no timer. */
  get enabled(): boolean {
    return this.seconds > 0;
  }

  /** Starts the count the first time a card is shown; a redraw of the same card does not restart it. */
  begin(): void {
    if (this.begun) return;
    this.begun = true;
    this.start();
  }

  private start(): void {
    if (!this.enabled || this.running || this.done) return;
    this.endsAt = this.now() + this.leftWhenPaused;
    this.running = true;
  }

  /** Milliseconds left, never below zero. */
  left(): number {
    if (this.skipped) return 0;
    return Math.max(0, this.running ? this.endsAt - this.now() : this.leftWhenPaused);
  }

  get done(): boolean {
    return this.enabled && this.left() === 0;
  }

  get paused(): boolean {
    return this.enabled && !this.running && !this.done;
  }

  /**
   * Stops the count while the help or the menu covers the timer: the room cannot see it run out, and
   * the trainer reading the help is not losing the room's time. `false` lets it go on, unless it was
   * not running when the cover came (paused, done or not yet begun).
   */
  hold(covered: boolean): void {
    if (covered && this.running) {
      this.leftWhenPaused = this.left();
      this.running = false;
      this.held = true;
    } else if (!covered && this.held) {
      this.held = false;
      this.start();
    }
  }

  togglePause(): void {
    this.held = false;
    if (this.running) {
      this.leftWhenPaused = this.left();
      this.running = false;
    } else {
      this.begun = true;
      this.start();
    }
  }

  extend(seconds: number): void {
    if (!this.enabled) return;
    this.skipped = false;
    if (this.running && this.left() > 0) this.endsAt += seconds * 1000;
    else {
      this.leftWhenPaused = this.left() + seconds * 1000;
      if (this.running) {
        this.running = false;
        this.start();
      }
    }
  }

  skip(): void {
    if (!this.enabled) return;
    this.held = false;
    this.skipped = true;
    this.running = false;
    this.leftWhenPaused = 0;
  }
}

/** "1:05" */
export function clock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
