/**
 * A WebSocket to the room server that comes back by itself: after a dropped Wi-Fi, a locked phone or
 * a server restart it reconnects (quickly at first, then every few seconds) and says hello again.
 * Every message from the server is checked before anyone reads it.
 */
import { parseServerMessage, ROOM_PATH, type ClientMessage, type ServerMessage } from '../room-protocol/protocol.ts';

export type SocketStatus = 'connecting' | 'open' | 'lost';

export interface RoomSocketHandlers {
  /** The first message on every new connection (host or join). */
  hello(): ClientMessage;
  message(message: ServerMessage): void;
  status(status: SocketStatus, everOpened: boolean): void;
}

/** The room's address next to the page, so the game works under any prefix a proxy gives it. */
export function roomUrl(page: string = location.href): string {
  const url = new URL(ROOM_PATH, page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  return url.href;
}

export class RoomSocket {
  private socket: WebSocket | null = null;
  private retry = 0;
  private timer = 0;
  private stopped = false;
  private everOpened = false;
  private readonly wake = () => {
    if (document.visibilityState === 'visible' && !this.socket) this.open();
  };

  constructor(private readonly handlers: RoomSocketHandlers, private readonly url: string = roomUrl()) {
    document.addEventListener('visibilitychange', this.wake);
    window.addEventListener('online', this.wake);
    this.open();
  }

  send(message: ClientMessage): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.wake);
    window.removeEventListener('online', this.wake);
    this.socket?.close();
    this.socket = null;
  }

  /** The server accepted the hello: the next drop is retried quickly again. */
  healthy(): void {
    this.retry = 0;
  }

  /** Drops the connection and opens a new one, sooner or later by how often this happened lately. */
  reconnect(): void {
    this.socket?.close();
  }

  private open(): void {
    if (this.stopped) return;
    window.clearTimeout(this.timer);
    this.handlers.status(this.everOpened ? 'lost' : 'connecting', this.everOpened);
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.later();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.everOpened = true;
      socket.send(JSON.stringify(this.handlers.hello()));
      this.handlers.status('open', true);
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const parsed = parseServerMessage(event.data);
      if (parsed.ok) this.handlers.message(parsed.message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handlers.status(this.everOpened ? 'lost' : 'connecting', this.everOpened);
      // Closed on purpose by the server (another tab took the projector's place, a flood, a closed
      // room): coming back would only fight it.
      if (event.code === 1008) {
        this.stopped = true;
        return;
      }
      this.later();
    };
  }

  private later(): void {
    if (this.stopped) return;
    const delay = Math.min(5000, 250 * 2 ** this.retry);
    this.retry += 1;
    this.timer = window.setTimeout(() => this.open(), delay);
  }
}
