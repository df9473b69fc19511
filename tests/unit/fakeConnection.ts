/**
 * A connection to the room hub without a socket, for the hub's unit tests: it keeps what the hub sends
 * (each message checked as the pages check it) and whether the hub closed it.
 */
import type { Connection } from '../../server/hub.ts';
import { parseServerMessage, type ServerMessage } from '../../src/room-protocol/protocol.ts';

let addresses = 0;

export class FakeConnection implements Connection {
  received: ServerMessage[] = [];
  closed: string | null = null;
  /** Each fake comes from its own address unless told otherwise, as phones on a Wi-Fi do. */
  constructor(readonly address: string = `10.0.${Math.floor(++addresses / 250)}.${addresses % 250}`) {}
  send(message: ServerMessage): void {
    // Everything the hub sends must pass the pages' own check.
    const checked = parseServerMessage(JSON.stringify(message));
    if (!checked.ok) throw new Error(`the hub sent an invalid message: ${JSON.stringify(message)}`);
    this.received.push(message);
  }
  close(reason: string): void {
    this.closed = reason;
  }
  last<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }> {
    const found = this.received.filter((m) => m.type === type).at(-1);
    if (!found) throw new Error(`no ${type} message received`);
    return found as Extract<ServerMessage, { type: T }>;
  }
  errors(): string[] {
    return this.received.flatMap((m) => (m.type === 'error' ? [m.code] : []));
  }
}
