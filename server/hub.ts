/**
 * The rooms: one projector each and the phones that joined it. The hub knows connections only as
 * "send this" and "close", so the rules are tested without sockets.
 *
 * What the server keeps: per room its code, the projector's secret, what the phones are shown and,
 * for the current card only, each phone's vote under a random id. No names and no history: a phone's
 * own answers live on the phone. Network addresses are held only as counts for the limits, while
 * their connections are open (and the address that opened a room, while the room exists). Nothing
 * is logged about participants.
 *
 * A phone's token is its random id signed with the room's secret. The secret stays with the projector
 * (saved with its workshop), so after a server restart the projector opens the same room again and
 * every phone's token is still valid; a token from another room or an old session is refused.
 */
import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  checkAnswer, CODE_ALPHABET, RATING_SCALE, CODE_LENGTH, KEY_LENGTH, MAX_PHONE_MESSAGE, MAX_SEATS_LISTED, parseFirstMessage, parsePhoneMessage, parseProjectorMessage,
  type ErrorCode, type Kept, type Mine, type PhoneView, type ProjectorMessage, type ServerMessage,
} from '../src/room-protocol/protocol.ts';
import { Ballot, tallyOf } from './ballot.ts';

export interface Connection {
  /** Where the connection comes from (the phone's or projector's network address), for the per-address limits. */
  readonly address: string;
  send(message: ServerMessage): void;
  close(reason: string): void;
}

/**
 * Every limit of the room server, in one place. Each is met by a hostile client in
 * tests/unit/room-server.test.ts or tests/unit/room-attacks.test.ts.
 */
export interface HubLimits {
  /** Rooms on the server at once; when full, rooms whose projector left go first. */
  rooms: number;
  /** Rooms made from one address that exist at once: a script cannot take every room. */
  roomsPerAddress: number;
  phonesPerRoom: number;
  /** Phone connections from one address at once, across all rooms: one process is a few phones, not a room. */
  phonesPerAddress: number;
  /** Joins one address may make in a burst, and per second after that (a reload is one join). */
  joinBurst: number;
  joinsPerSecond: number;
  /**
   * Wrong room codes the whole server answers in a burst, and per minute after that, from all
   * connections together. Past it a typed code is refused as "too fast"; a scanned link carries the
   * room's key and is never a guess, so the room keeps filling while someone guesses.
   */
  guessBurst: number;
  guessesPerMinute: number;
  /** Messages a connection may send in a burst, and per second after that. */
  burst: number;
  perSecond: number;
  /** A connection that keeps flooding after this many refused messages is closed. */
  refusedBeforeClose: number;
  /** A room without a projector is forgotten after this long; its projector can open it again with its secret. */
  emptyRoomMs: number;
  /** A connection that has not said whether it is a projector or a phone by then is closed. */
  helloMs: number;
  /** What may wait to be sent to one connection (ws's bufferedAmount); a reader that falls this far behind is dropped. */
  maxBuffered: number;
  /** Phones that joined this recently are the "recent" figure the projector shows and can remove. */
  recentMs: number;
  /**
   * Answers to open questions one phone may send in a burst, and per minute after that: a few
   * thoughts each, not a flood that pushes everyone else's answers off the wall.
   */
  answerBurst: number;
  answersPerMinute: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  rooms: 200, roomsPerAddress: 3, phonesPerRoom: 500, phonesPerAddress: 8, joinBurst: 6, joinsPerSecond: 1,
  guessBurst: 20, guessesPerMinute: 30, burst: 20, perSecond: 10, refusedBeforeClose: 200,
  emptyRoomMs: 2 * 60 * 1000, helloMs: 5000, maxBuffered: 1024 * 1024, recentMs: 60 * 1000,
  answerBurst: 3, answersPerMinute: 6,
};

/**
 * A room's five-letter code is made from the projector's secret with scrypt, so after a server
 * restart only the holder of the secret can open that code again: finding another secret with the
 * same code takes about 2^25 scrypt runs (days of a computer's time), while a workshop restarts its
 * server in seconds. The cost here is a few milliseconds per new room, and the per-address room
 * limit comes before it.
 */
const CODE_SCRYPT = { N: 4096, r: 8, p: 1 } as const;

export function roomCode(secret: string): string {
  const bytes = scryptSync(secret, 'many-masters room code', CODE_LENGTH, CODE_SCRYPT);
  let code = '';
  // 32 letters: the low five bits of each byte are equally likely.
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

/** The room's long key (in the QR link, kept by phones): public, and made from the secret so no one else has it. */
export function roomKey(secret: string): string {
  return createHash('sha256').update(`many-masters room key.${secret}`).digest('base64url').slice(0, KEY_LENGTH);
}

interface Vote {
  choice: number | null;
  guess: string | null;
}

interface Room {
  code: string;
  key: string;
  secret: string;
  /** The address that opened the room, for the per-address room limit. */
  address: string;
  projector: Connection | null;
  phones: Map<Connection, string>;
  /** When each phone (by id) first joined, for the "joined recently" figure. */
  firstJoined: Map<string, number>;
  /** Phones the trainer removed: their tokens are refused from then on. */
  removed: Set<string>;
  view: PhoneView;
  /** The current card's round and each phone's vote in it, by phone id. */
  round: string | null;
  open: boolean;
  choices: number;
  meters: Set<string>;
  votes: Map<string, Vote>;
  /** The open question being asked, if any. Its answers are passed on to the projector, never kept here. */
  question: string | null;
  /** Each phone's answer allowance, by phone id; forgotten with the room. */
  answers: Map<string, Bucket>;
  /** The statements being rated (their round and number), and each phone's ratings in it, by phone id. */
  rating: { round: string; statements: number } | null;
  ratings: Map<string, (number | null)[]>;
  lastSeen: number;
  /** The teams phones can join (the projector's names), each phone's team and the number it shows, by phone id. */
  teamNames: string[];
  teamOf: Map<string, number>;
  seats: Map<string, number>;
  /** Teams deciding at the same time: each team's own card and votes, while the projector shows teams their own. */
  ballots: Map<number, Ballot>;
}

interface Peer {
  role: 'new' | 'projector' | 'phone';
  room: Room | null;
  phone: string | null;
  tokens: number;
  refilled: number;
  refused: number;
}

/** A token bucket: `burst` at once, `perSecond` after that. */
class Bucket {
  private tokens: number;
  private refilled: number;
  constructor(private readonly burst: number, private readonly perSecond: number, now: number) {
    this.tokens = burst;
    this.refilled = now;
  }
  private fill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilled) / 1000) * this.perSecond);
    this.refilled = now;
  }
  has(now: number): boolean {
    this.fill(now);
    return this.tokens >= 1;
  }
  take(now: number): boolean {
    if (!this.has(now)) return false;
    this.tokens -= 1;
    return true;
  }
  full(now: number): boolean {
    this.fill(now);
    return this.tokens >= this.burst;
  }
}

export class Hub {
  private readonly rooms = new Map<string, Room>();
  private readonly byKey = new Map<string, Room>();
  private readonly peers = new Map<Connection, Peer>();
  /** Phone connections per address, across rooms. */
  private readonly phonesFrom = new Map<string, number>();
  /** Joins per address: forgotten once full again, so the map holds only addresses joining now. */
  private readonly joinsFrom = new Map<string, Bucket>();
  private readonly guesses: Bucket;

  constructor(
    private readonly limits: HubLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    /** The addresses phones can open, shown by the projector when it has none better. */
    readonly phoneUrls: () => string[] = () => [],
  ) {
    this.guesses = new Bucket(limits.guessBurst, limits.guessesPerMinute / 60, now());
  }

  connect(connection: Connection): void {
    this.peers.set(connection, { role: 'new', room: null, phone: null, tokens: this.limits.burst, refilled: this.now(), refused: 0 });
  }

  /** Whether the connection has not yet said what it is (closed after `helloMs` if it stays so). */
  silent(connection: Connection): boolean {
    return this.peers.get(connection)?.role === 'new';
  }

  disconnect(connection: Connection): void {
    const peer = this.peers.get(connection);
    this.peers.delete(connection);
    const room = peer?.room;
    if (!room) return;
    room.lastSeen = this.now();
    if (peer.role === 'projector' && room.projector === connection) room.projector = null;
    if (peer.role === 'phone' && room.phones.delete(connection)) {
      this.countPhone(connection.address, -1);
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

  /** Forgets rooms whose projector has been gone for `emptyRoomMs`, and join counts that are full again. */
  sweep(): void {
    const now = this.now();
    const before = now - this.limits.emptyRoomMs;
    for (const [code, room] of this.rooms) {
      if (!room.projector && room.lastSeen < before) {
        for (const phone of room.phones.keys()) phone.close('room closed');
        this.rooms.delete(code);
        this.byKey.delete(room.key);
      }
    }
    for (const [address, bucket] of this.joinsFrom) if (bucket.full(now)) this.joinsFrom.delete(address);
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
    else this.join(connection, peer, message.code, message.key, message.token, message.kept, message.team);
  }

  private roomsFrom(address: string): number {
    let count = 0;
    for (const room of this.rooms.values()) if (room.address === address) count += 1;
    return count;
  }

  private host(connection: Connection, peer: Peer, code: string | undefined, given: string | undefined): void {
    // A code is claimed only with the secret it was made from; an old projector without a secret gets a new room.
    if (code && !given) {
      this.refuse(connection, peer, 'room-taken');
      return;
    }
    const secret = given ?? randomBytes(24).toString('base64url');
    let room = this.byKey.get(roomKey(secret));
    if (room && code && code !== room.code) {
      this.refuse(connection, peer, 'room-taken');
      return;
    }
    if (!room) {
      // Before the costly code: a full server first lets go of rooms whose projector left.
      if (this.rooms.size >= this.limits.rooms || this.roomsFrom(connection.address) >= this.limits.roomsPerAddress) this.sweep();
      if (this.roomsFrom(connection.address) >= this.limits.roomsPerAddress) {
        this.refuse(connection, peer, 'too-many-rooms');
        return;
      }
      if (this.rooms.size >= this.limits.rooms) {
        this.refuse(connection, peer, 'server-full');
        return;
      }
      let made = roomCode(secret);
      // The secret's code belongs to another room (a one-in-millions clash, or someone who spent days
      // on it): a projector that names its code is told so; a new room made here gets another secret.
      while (!given && this.rooms.has(made)) made = roomCode(randomBytes(24).toString('base64url'));
      if ((code && code !== made) || this.rooms.has(made)) {
        this.refuse(connection, peer, 'room-taken');
        return;
      }
      room = {
        code: made, key: roomKey(secret), secret, address: connection.address,
        projector: null, phones: new Map(), firstJoined: new Map(), removed: new Set(), view: { kind: 'wait' },
        round: null, open: false, choices: 0, meters: new Set(), votes: new Map(), question: null, answers: new Map(), rating: null, ratings: new Map(), lastSeen: this.now(),
        teamNames: [], teamOf: new Map(), seats: new Map(), ballots: new Map(),
      };
      this.rooms.set(room.code, room);
      this.byKey.set(room.key, room);
    }
    // The newest projector tab is the projector; an older one (a reload) is let go.
    if (room.projector && room.projector !== connection) room.projector.close('projector opened elsewhere');
    room.projector = connection;
    peer.role = 'projector';
    peer.room = room;
    connection.send({ type: 'hosted', code: room.code, key: room.key, secret: room.secret, phoneUrls: this.phoneUrls() });
    this.tally(room);
  }

  private countPhone(address: string, step: 1 | -1): void {
    const count = (this.phonesFrom.get(address) ?? 0) + step;
    if (count > 0) this.phonesFrom.set(address, count);
    else this.phonesFrom.delete(address);
  }

  private join(connection: Connection, peer: Peer, code: string, key: string | undefined, token: string | undefined, kept: Kept | undefined, team?: number): void {
    const now = this.now();
    let joins = this.joinsFrom.get(connection.address);
    if (!joins) this.joinsFrom.set(connection.address, (joins = new Bucket(this.limits.joinBurst, this.limits.joinsPerSecond, now)));
    if (!joins.take(now)) {
      this.refuse(connection, peer, 'too-fast');
      return;
    }
    let room: Room | undefined;
    if (key) {
      room = this.byKey.get(key);
      if (room?.code !== code) room = undefined;
    } else {
      // A typed code is a guess: past the server's few wrong codes a minute, every typed code waits
      // (a right one too, or refusing only wrong ones would still answer the guesser).
      if (!this.guesses.has(now)) {
        this.refuse(connection, peer, 'too-fast');
        return;
      }
      room = this.rooms.get(code);
      if (!room) this.guesses.take(now);
    }
    if (!room) {
      this.refuse(connection, peer, 'unknown-room');
      return;
    }
    if ((this.phonesFrom.get(connection.address) ?? 0) >= this.limits.phonesPerAddress) {
      this.refuse(connection, peer, 'too-many-phones');
      return;
    }
    let id: string;
    if (token) {
      const checked = checkToken(room, token);
      if (!checked || room.removed.has(checked)) {
        this.refuse(connection, peer, checked ? 'removed' : 'stale-token');
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
    if (!room.firstJoined.has(id)) room.firstJoined.set(id, now);
    if (!room.seats.has(id)) room.seats.set(id, room.seats.size + 1);
    // The team a table's QR code names, or the one the phone remembers (the server may have restarted); a team the server knows stands.
    if (team !== undefined && !room.teamOf.has(id) && (room.teamNames.length === 0 || team < room.teamNames.length)) room.teamOf.set(id, team);
    this.countPhone(connection.address, 1);
    connection.send({ type: 'joined', code: room.code, key: room.key, token: token ?? sign(room, id) });
    // After a server restart the votes are gone from here but not from the phones: take back what a
    // phone remembers, unless it already voted again since.
    const ballot = this.ballotOf(room, id);
    if (kept && ballot) ballot.keep(id, kept);
    else if (kept && kept.round === room.round && room.open && !room.votes.has(id)) {
      const vote: Vote = { choice: kept.choice !== null && kept.choice < room.choices ? kept.choice : null, guess: kept.guess !== null && room.meters.has(kept.guess) ? kept.guess : null };
      if (vote.choice !== null || vote.guess !== null) room.votes.set(id, vote);
    }
    connection.send({ type: 'view', view: ballot?.view ?? room.view, mine: this.mine(room, id) });
    if (room.teamNames.length > 0) connection.send(this.teamMessage(room, id));
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
    if (message.type === 'remove') {
      this.removeRecent(room, message.seconds * 1000);
      return;
    }
    if (message.type === 'teams' || message.type === 'move' || message.team !== undefined) {
      this.teamsFromProjector(connection, peer, room, message);
      return;
    }
    const view = message.view;
    room.question = view.kind === 'question' ? view.question : null;
    if (view.kind !== 'rate') {
      room.rating = null;
      room.ratings = new Map();
    } else if (room.rating?.round !== view.round) {
      room.rating = { round: view.round, statements: view.statements.length };
      room.ratings = new Map();
    }
    if (view.kind === 'question') {
      // A question in the middle of a card: the card's votes wait (closed) until the card shows again.
      room.open = false;
    } else if (view.kind === 'card') {
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
    // A view for all ends the teams' own cards: every phone sees this one.
    room.ballots.clear();
    for (const [phone, id] of room.phones) phone.send({ type: 'view', view, mine: this.mine(room, id) });
    this.tally(room);
  }

  /** The trainer sends away the phones that joined in the last moments (a burst): they, and their votes, are gone. */
  private removeRecent(room: Room, within: number): void {
    const since = this.now() - within;
    for (const [id, at] of room.firstJoined) {
      if (at < since) continue;
      room.removed.add(id);
      room.votes.delete(id);
      for (const ballot of room.ballots.values()) ballot.votes.delete(id);
    }
    for (const [phone, id] of room.phones) {
      if (!room.removed.has(id)) continue;
      phone.send({ type: 'error', code: 'removed' });
      room.phones.delete(phone);
      this.countPhone(phone.address, -1);
      const peer = this.peers.get(phone);
      if (peer) peer.room = null;
      phone.close('removed by the trainer');
    }
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
    const room = peer.room;
    const id = peer.phone!;
    if (message.type === 'join' || !room) {
      // A phone is one participant for its connection's life; it cannot switch rooms or identities.
      this.refuse(connection, peer, 'not-allowed');
      return;
    }
    if (message.type === 'answer') {
      this.answer(connection, peer, room, id, message.question, message.text);
      return;
    }
    if (message.type === 'rate') {
      this.rate(connection, peer, room, id, message.round, message.statement, message.value);
      return;
    }
    if (message.type === 'team') {
      if (message.team >= room.teamNames.length) {
        this.refuse(connection, peer, 'no-such-choice');
        return;
      }
      this.placePhone(room, id, message.team);
      return;
    }
    const ballot = this.ballotOf(room, id);
    if (ballot) {
      const refusal = ballot.vote(id, message);
      if (refusal) {
        this.refuse(connection, peer, refusal);
        return;
      }
      const mine = ballot.mine(id);
      for (const [phone, other] of room.phones) if (other === id) phone.send({ type: 'mine', round: message.round, mine });
      this.tally(room);
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
    // The phone's other connections (two tabs, a reload racing the old socket) see the same vote. Only
    // the vote goes back, not the card: a phone voting as fast as allowed costs the server little.
    const mine = this.mine(room, id);
    for (const [phone, other] of room.phones) if (other === id) phone.send({ type: 'mine', round: message.round, mine });
    this.tally(room);
  }

  /**
   * An answer to the open question goes to the projector only if it passes every check here; it is
   * not stored, and it carries a fresh random id, never the phone's.
   */
  private answer(connection: Connection, peer: Peer, room: Room, id: string, question: string, raw: string): void {
    if (room.question === null || question !== room.question || !room.projector) {
      this.refuse(connection, peer, 'closed');
      return;
    }
    const checked = checkAnswer(raw);
    if (!checked.ok) {
      this.refuse(connection, peer, 'bad-answer');
      return;
    }
    const now = this.now();
    let allowance = room.answers.get(id);
    if (!allowance) room.answers.set(id, (allowance = new Bucket(this.limits.answerBurst, this.limits.answersPerMinute / 60, now)));
    if (!allowance.take(now)) {
      this.refuse(connection, peer, 'too-fast');
      return;
    }
    room.projector.send({ type: 'answer', question, id: randomBytes(9).toString('base64url'), text: checked.text });
    connection.send({ type: 'answered', question });
  }

  /** A phone rates a statement (again): kept for this round only, counted for the projector, never named. */
  private rate(connection: Connection, peer: Peer, room: Room, id: string, round: string, statement: number, value: number): void {
    if (!room.rating || room.rating.round !== round) {
      this.refuse(connection, peer, 'closed');
      return;
    }
    if (statement >= room.rating.statements) {
      this.refuse(connection, peer, 'no-such-choice');
      return;
    }
    const values = room.ratings.get(id) ?? Array.from({ length: room.rating.statements }, () => null);
    values[statement] = value;
    room.ratings.set(id, values);
    for (const [phone, other] of room.phones) if (other === id) phone.send({ type: 'rated', round, values });
    const counts = Array.from({ length: room.rating.statements }, () => Array.from({ length: RATING_SCALE }, () => 0));
    for (const rated of room.ratings.values()) rated.forEach((v, i) => { if (v !== null) counts[i]![v - 1]! += 1; });
    room.projector?.send({ type: 'ratings', round, counts });
  }

  /** The team's own card the phone votes on, when its team has one now. */
  private ballotOf(room: Room, id: string): Ballot | undefined {
    const team = room.teamOf.get(id);
    return team === undefined ? undefined : room.ballots.get(team);
  }

  private teamMessage(room: Room, id: string): ServerMessage {
    return { type: 'team', names: room.teamNames, team: room.teamOf.get(id) ?? null, seat: room.seats.get(id) ?? 1 };
  }

  /** Puts a phone in a team (its own pick or the trainer's move): all its connections see the team and that team's card. */
  private placePhone(room: Room, id: string, team: number): void {
    room.teamOf.set(id, team);
    const placed = this.teamMessage(room, id);
    const view = room.ballots.get(team)?.view ?? room.view;
    for (const [phone, other] of room.phones) {
      if (other !== id) continue;
      phone.send(placed);
      phone.send({ type: 'view', view, mine: this.mine(room, id) });
    }
    this.tally(room);
  }

  /** The projector's team messages: the names phones pick from, moving a phone, and a team's own card. */
  private teamsFromProjector(connection: Connection, peer: Peer, room: Room, message: Extract<ProjectorMessage, { type: 'teams' | 'move' | 'show' }>): void {
    if (message.type === 'teams') {
      const names = message.names;
      // The projector says its names again after every view for all: only a change is news to the phones.
      if (names.length === room.teamNames.length && names.every((name, i) => name === room.teamNames[i])) return;
      room.teamNames = names;
      // Teams that are gone lose their phones (they pick again) and their cards.
      for (const [id, team] of room.teamOf) if (team >= names.length) room.teamOf.delete(id);
      for (const team of room.ballots.keys()) if (team >= names.length) room.ballots.delete(team);
      for (const [phone, id] of room.phones) {
        phone.send(this.teamMessage(room, id));
        phone.send({ type: 'view', view: this.ballotOf(room, id)?.view ?? room.view, mine: this.mine(room, id) });
      }
      this.tally(room);
      return;
    }
    const team = message.team ?? room.teamNames.length;
    if (team >= room.teamNames.length) {
      this.refuse(connection, peer, 'no-such-choice');
      return;
    }
    if (message.type === 'move') {
      const id = [...room.seats].find(([, seat]) => seat === message.seat)?.[0];
      if (id === undefined) {
        this.refuse(connection, peer, 'no-such-choice');
        return;
      }
      this.placePhone(room, id, team);
      return;
    }
    let ballot = room.ballots.get(team);
    if (!ballot) room.ballots.set(team, (ballot = new Ballot()));
    ballot.show(message.view);
    for (const [phone, id] of room.phones) if (room.teamOf.get(id) === team) phone.send({ type: 'view', view: ballot.view, mine: ballot.mine(id) });
    this.tally(room);
  }

  /** Per team: its phones in the room now and their votes on the team's own card (or on the card for all). */
  private teamFigures(room: Room, present: ReadonlySet<string>): Pick<Extract<ServerMessage, { type: 'tally' }>, 'teams' | 'seats'> {
    const teams = room.teamNames.map((_, team) => {
      const phones = new Set([...present].filter((id) => room.teamOf.get(id) === team));
      const ballot = room.ballots.get(team);
      return ballot ? ballot.tally(phones) : tallyOf(room.round, room.choices, room.votes, phones);
    });
    const seats = [...present].slice(0, MAX_SEATS_LISTED).map((id) => ({ seat: room.seats.get(id) ?? 1, team: room.teamOf.get(id) ?? null }));
    return { teams, seats };
  }

  private mine(room: Room, id: string): Mine {
    const ballot = this.ballotOf(room, id);
    if (ballot) return ballot.mine(id);
    const vote = room.votes.get(id);
    return { choice: vote?.choice ?? null, guess: vote?.guess ?? null };
  }

  /**
   * The projector's figures. Phones never get them: the split is the projector's to reveal. Only
   * phones in the room count: a phone that leaves before the reveal takes its vote with it, and
   * brings it back if it rejoins before the reveal (README, "Phone votes").
   */
  private tally(room: Room): void {
    if (!room.projector) return;
    const present = new Set(room.phones.values());
    const counts = Array.from({ length: room.choices }, () => 0);
    const guesses = new Map<string, number>();
    let voted = 0;
    for (const [id, vote] of room.votes) {
      if (!present.has(id)) continue;
      if (vote.choice !== null) {
        counts[vote.choice] = (counts[vote.choice] ?? 0) + 1;
        voted += 1;
      }
      if (vote.guess !== null) guesses.set(vote.guess, (guesses.get(vote.guess) ?? 0) + 1);
    }
    const since = this.now() - this.limits.recentMs;
    let recent = 0;
    for (const id of present) if ((room.firstJoined.get(id) ?? 0) >= since) recent += 1;
    room.projector.send({
      type: 'tally', round: room.round, joined: present.size, voted, recent,
      counts: room.round ? counts : [], guesses: [...guesses].map(([meter, count]) => ({ meter, count })),
      ...(room.teamNames.length > 0 ? this.teamFigures(room, present) : {}),
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
