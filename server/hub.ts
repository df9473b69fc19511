/**
 * The rooms: one projector each and the phones that joined it. The hub knows connections only as
 * "send this" and "close", so the rules are tested without sockets.
 *
 * What the server keeps: per room its code, the projector's secret, what the phones are shown and,
 * for the current card only, each phone's vote under a random id. No names, no addresses, no history:
 * a phone's own answers live on the phone. Nothing is logged about participants.
 *
 * A phone's token is its random id signed with the room's secret. The secret stays with the projector
 * (saved with its workshop), so after a server restart the projector opens the same room again and
 * every phone's token is still valid; a token from another room or an old session is refused.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  CODE_ALPHABET, CODE_LENGTH, MAX_PHONE_MESSAGE, parseFirstMessage, parsePhoneMessage, parseProjectorMessage,
  type ErrorCode, type Kept, type Mine, type PhoneView, type ServerMessage,
} from '../src/room-protocol/protocol.ts';

export interface Connection {
  send(message: ServerMessage): void;
  close(reason: string): void;
}

export interface HubLimits {
  rooms: number;
  phonesPerRoom: number;
  /** Messages a connection may send in a burst, and per second after that. */
  burst: number;
  perSecond: number;
  /** A connection that keeps flooding after this many refused messages is closed. */
  refusedBeforeClose: number;
  /** A room without a projector is forgotten after this long. */
  idleRoomMs: number;
}

export const DEFAULT_LIMITS: HubLimits = { rooms: 200, phonesPerRoom: 500, burst: 20, perSecond: 10, refusedBeforeClose: 200, idleRoomMs: 6 * 60 * 60 * 1000 };

interface Vote {
  choice: number | null;
  guess: string | null;
}

interface Room {
  code: string;
  secret: string;
  projector: Connection | null;
  phones: Map<Connection, string>;
  view: PhoneView;
  /** The current card's round and each phone's vote in it, by phone id. */
  round: string | null;
  open: boolean;
  choices: number;
  meters: Set<string>;
  votes: Map<string, Vote>;
  lastSeen: number;
}

interface Peer {
  role: 'new' | 'projector' | 'phone';
  room: Room | null;
  phone: string | null;
  tokens: number;
  refilled: number;
  refused: number;
}

export class Hub {
  private readonly rooms = new Map<string, Room>();
  private readonly peers = new Map<Connection, Peer>();

  constructor(
    private readonly limits: HubLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    /** The addresses phones can open, shown by the projector when it has none better. */
    readonly phoneUrls: () => string[] = () => [],
  ) {}

  connect(connection: Connection): void {
    this.peers.set(connection, { role: 'new', room: null, phone: null, tokens: this.limits.burst, refilled: this.now(), refused: 0 });
  }

  disconnect(connection: Connection): void {
    const peer = this.peers.get(connection);
    this.peers.delete(connection);
    const room = peer?.room;
    if (!room) return;
    room.lastSeen = this.now();
    if (peer.role === 'projector' && room.projector === connection) room.projector = null;
    if (peer.role === 'phone') {
      room.phones.delete(connection);
      this.tally(room);
    }
  }

  /** One message from a connection, as the socket received it. */
  receive(connection: Connection, raw: string): void {
    const peer = this.peers.get(connection);
    if (!peer) return;
    if (!this.allow(peer)) {
      this.refuse(connection, peer, 'too-fast');
      return;
    }
    if (peer.role === 'new') this.first(connection, peer, raw);
    else if (peer.role === 'projector') this.fromProjector(connection, peer, raw);
    else this.fromPhone(connection, peer, raw);
  }

  /** Forgets rooms whose projector has been gone for long. */
  sweep(): void {
    const before = this.now() - this.limits.idleRoomMs;
    for (const [code, room] of this.rooms) {
      if (!room.projector && room.lastSeen < before) {
        for (const phone of room.phones.keys()) phone.close('room closed');
        this.rooms.delete(code);
      }
    }
  }

  stats(): { rooms: number; connections: number } {
    return { rooms: this.rooms.size, connections: this.peers.size };
  }

  private allow(peer: Peer): boolean {
    const now = this.now();
    // Projectors send a few messages per card; phones are the ones that could flood.
    const rate = peer.role === 'projector' ? this.limits.perSecond * 10 : this.limits.perSecond;
    peer.tokens = Math.min(this.limits.burst, peer.tokens + ((now - peer.refilled) / 1000) * rate);
    peer.refilled = now;
    if (peer.tokens < 1) return false;
    peer.tokens -= 1;
    return true;
  }

  private refuse(connection: Connection, peer: Peer, error: ErrorCode): void {
    peer.refused += 1;
    if (peer.refused > this.limits.refusedBeforeClose) {
      connection.close('too many refused messages');
      return;
    }
    connection.send({ type: 'error', code: error });
  }

  private first(connection: Connection, peer: Peer, raw: string): void {
    const parsed = parseFirstMessage(raw);
    if (!parsed.ok) {
      this.refuse(connection, peer, parsed.error);
      return;
    }
    const message = parsed.message;
    if (message.type === 'host') this.host(connection, peer, message.code, message.secret);
    else this.join(connection, peer, message.code, message.token, message.kept);
  }

  private host(connection: Connection, peer: Peer, code: string | undefined, secret: string | undefined): void {
    let room = code ? this.rooms.get(code) : undefined;
    if (room && (!secret || !same(room.secret, secret))) {
      this.refuse(connection, peer, 'room-taken');
      return;
    }
    if (!room) {
      if (this.rooms.size >= this.limits.rooms) {
        this.sweep();
        if (this.rooms.size >= this.limits.rooms) {
          this.refuse(connection, peer, 'server-full');
          return;
        }
      }
      // A projector that comes back after a restart gets its own code and secret again.
      const keep = code && secret;
      room = {
        code: keep ? code : this.newCode(), secret: keep ? secret : randomBytes(24).toString('base64url'),
        projector: null, phones: new Map(), view: { kind: 'wait' },
        round: null, open: false, choices: 0, meters: new Set(), votes: new Map(), lastSeen: this.now(),
      };
      this.rooms.set(room.code, room);
    }
    // The newest projector tab is the projector; an older one (a reload) is let go.
    if (room.projector && room.projector !== connection) room.projector.close('projector opened elsewhere');
    room.projector = connection;
    peer.role = 'projector';
    peer.room = room;
    connection.send({ type: 'hosted', code: room.code, secret: room.secret, phoneUrls: this.phoneUrls() });
    this.tally(room);
  }

  private newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!this.rooms.has(code)) return code;
    }
  }

  private join(connection: Connection, peer: Peer, code: string, token: string | undefined, kept: Kept | undefined): void {
    const room = this.rooms.get(code);
    if (!room) {
      this.refuse(connection, peer, 'unknown-room');
      return;
    }
    let id: string;
    if (token) {
      const checked = checkToken(room, token);
      if (!checked) {
        this.refuse(connection, peer, 'stale-token');
        return;
      }
      id = checked;
    } else {
      if (new Set(room.phones.values()).size >= this.limits.phonesPerRoom) {
        this.refuse(connection, peer, 'room-full');
        return;
      }
      id = randomBytes(12).toString('base64url');
    }
    peer.role = 'phone';
    peer.room = room;
    peer.phone = id;
    room.phones.set(connection, id);
    connection.send({ type: 'joined', code: room.code, token: token ?? sign(room, id) });
    // After a server restart the votes are gone from here but not from the phones: take back what a
    // phone remembers, unless it already voted again since.
    if (kept && kept.round === room.round && room.open && !room.votes.has(id)) {
      const vote: Vote = { choice: kept.choice !== null && kept.choice < room.choices ? kept.choice : null, guess: kept.guess !== null && room.meters.has(kept.guess) ? kept.guess : null };
      if (vote.choice !== null || vote.guess !== null) room.votes.set(id, vote);
    }
    connection.send({ type: 'view', view: room.view, mine: this.mine(room, id) });
    this.tally(room);
  }

  private fromProjector(connection: Connection, peer: Peer, raw: string): void {
    const parsed = parseProjectorMessage(raw);
    const room = peer.room!;
    if (!parsed.ok) {
      this.refuse(connection, peer, parsed.error);
      return;
    }
    if (room.projector !== connection) {
      this.refuse(connection, peer, 'not-allowed');
      return;
    }
    const message = parsed.message;
    room.lastSeen = this.now();
    if (message.type === 'host') {
      // A projector's connection hosts one room for its life; another room needs another connection.
      this.refuse(connection, peer, 'not-allowed');
      return;
    }
    const view = message.view;
    if (view.kind === 'card') {
      if (view.round !== room.round) {
        room.round = view.round;
        room.votes = new Map();
      }
      room.open = view.open;
      room.choices = view.choices.length;
      room.meters = new Set(view.meters.map((m) => m.id));
    } else if (view.kind === 'reveal' && view.round === room.round) room.open = false;
    else if (view.kind !== 'reveal') {
      room.open = false;
      room.round = null;
      room.votes = new Map();
    }
    room.view = view;
    for (const [phone, id] of room.phones) phone.send({ type: 'view', view, mine: this.mine(room, id) });
    this.tally(room);
  }

  private fromPhone(connection: Connection, peer: Peer, raw: string): void {
    if (raw.length > MAX_PHONE_MESSAGE) {
      this.refuse(connection, peer, 'too-big');
      return;
    }
    const parsed = parsePhoneMessage(raw);
    if (!parsed.ok) {
      this.refuse(connection, peer, parsed.error);
      return;
    }
    const message = parsed.message;
    const room = peer.room!;
    const id = peer.phone!;
    if (message.type === 'join') {
      // A phone is one participant for its connection's life; it cannot switch rooms or identities.
      this.refuse(connection, peer, 'not-allowed');
      return;
    }
    if (!room.open || message.round !== room.round) {
      this.refuse(connection, peer, 'closed');
      return;
    }
    const vote = room.votes.get(id) ?? { choice: null, guess: null };
    if (message.type === 'vote') {
      if (message.choice >= room.choices) {
        this.refuse(connection, peer, 'no-such-choice');
        return;
      }
      vote.choice = message.choice;
    } else {
      if (!room.meters.has(message.meter)) {
        this.refuse(connection, peer, 'no-such-choice');
        return;
      }
      vote.guess = message.meter;
    }
    room.votes.set(id, vote);
    // The phone's other connections (two tabs, a reload racing the old socket) see the same vote.
    const mine = this.mine(room, id);
    for (const [phone, other] of room.phones) if (other === id) phone.send({ type: 'view', view: room.view, mine });
    this.tally(room);
  }

  private mine(room: Room, id: string): Mine {
    const vote = room.votes.get(id);
    return { choice: vote?.choice ?? null, guess: vote?.guess ?? null };
  }

  /** The projector's figures. Phones never get them: the split is the projector's to reveal. */
  private tally(room: Room): void {
    if (!room.projector) return;
    const counts = Array.from({ length: room.choices }, () => 0);
    const guesses = new Map<string, number>();
    let voted = 0;
    for (const vote of room.votes.values()) {
      if (vote.choice !== null) {
        counts[vote.choice] = (counts[vote.choice] ?? 0) + 1;
        voted += 1;
      }
      if (vote.guess !== null) guesses.set(vote.guess, (guesses.get(vote.guess) ?? 0) + 1);
    }
    room.projector.send({
      type: 'tally', round: room.round, joined: new Set(room.phones.values()).size, voted,
      counts: room.round ? counts : [], guesses: [...guesses].map(([meter, count]) => ({ meter, count })),
    });
  }
}

function sign(room: Room, id: string): string {
  return `${id}.${createHmac('sha256', room.secret).update(`${room.code}.${id}`).digest('base64url')}`;
}

function checkToken(room: Room, token: string): string | null {
  const id = token.slice(0, token.indexOf('.'));
  return same(sign(room, id), token) ? id : null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
