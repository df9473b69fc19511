/**
 * What the presenter window shows, made in the projector window (which owns the workshop): the
 * projector's own screen description (src/platform/screenModel.ts, the same one its canvas, its
 * accessible layer and `window.manyMasters` come from) and beside it what the room must not see yet:
 * the split of the votes, what each choice does, the next card when it is known, and the card's notes
 * for the trainer. Plain data, every text already in the projector's language; the presenter page
 * only shows it.
 */
import type { Card, Scenario } from '../engine/format.ts';
import type { Language } from '../engine/text.ts';
import { own } from '../engine/own.ts';
import { previewMode } from '../engine/workshop.ts';
import { signed } from '../locales/format.ts';
import { language, say, t, votesText } from '../locales/index.ts';
import { currentScreen, overlayModel, screenModel } from '../platform/screen.ts';
import type { ScreenModel } from '../platform/screenModel.ts';
import { phonesOn } from '../session/phones.ts';
import { holdingAnswers, openQuestion } from '../session/openQuestions.ts';
import { activeTeam, currentRoom, roomCounts, roomOrder, roomTable, type Room } from '../session/room.ts';

export interface ViewItem {
  label: string;
  value?: string;
  detail?: string;
  /** An answer to the open question: the presenter offers a button that hides it from the wall or shows it again. */
  answer?: { id: string; hidden: boolean; button: string; buttonLabel: string };
}

export interface ViewSection {
  /** Stable, for the page and for tests: votes, effects, next, notes, live, room. */
  id: string;
  heading: string;
  text?: string;
  items?: ViewItem[];
  /** What the room does not see on the projector. */
  secret?: boolean;
  /** A switch the section offers: new answers wait for the trainer before the wall shows them (the projector's V). */
  hold?: { on: boolean; button: string };
}

export interface PresenterView {
  lang: Language;
  title: string;
  /** The projector's screen (`workshop`, `debrief`…) and, for tests, the card on it. */
  screen: string;
  cardId: string | null;
  phase: string | null;
  sections: ViewSection[];
  keys: string;
  place: string;
  placeFailed: string;
}

/** "Ouders +10 · Leerlingen −5": what a choice does to the meters, in the scenario's meter order. */
function effectsText(scenario: Scenario, effects: Record<string, number> | undefined): string {
  const moved = scenario.meters.filter((m) => (own(effects ?? {}, m.id) ?? 0) !== 0);
  return moved.length > 0 ? moved.map((m) => `${say(m.label)} ${signed(own(effects!, m.id)!)}`).join('  ·  ') : t('presenterNoEffect');
}

function cardLine(scenario: Scenario, id: string): string {
  const card = scenario.cards.find((c) => c.id === id);
  if (!card) return id;
  const from = scenario.stakeholders.find((s) => s.id === card.from);
  return `${say(from?.name)}: ${say(card.text)}`;
}

function notesSection(card: Card): ViewSection {
  const items: ViewItem[] = [];
  if (card.notes?.source) items.push({ label: t('presenterSource'), value: say(card.notes.source) });
  if (card.notes?.question) items.push({ label: t('presenterQuestion'), value: say(card.notes.question) });
  return { id: 'notes', heading: t('presenterNotes'), secret: true, ...(items.length > 0 ? { items } : { text: t('presenterNoNotes') }) };
}

/** The sections only the trainer sees, for the workshop screen's phase. */
function secretSections(room: Room): { sections: ViewSection[]; cardId: string | null } {
  const { scenario } = room;
  if (room.phase === 'deciding') {
    const table = roomTable(room);
    if (!table) return { sections: [], cardId: null };
    const card = table.card;
    const order = roomOrder(room);
    const totals = roomCounts(room);
    const { hands, phones } = room.workshop.tally;
    const label = (file: number, position: number) => `${position + 1}. ${say(card.choices[file]!.label)}`;
    const votes: ViewSection = {
      id: 'votes',
      heading: t('presenterVotes'),
      secret: true,
      items: order.map((file, position) => ({
        label: label(file, position),
        value: votesText(totals[file] ?? 0),
        ...(phonesOn() ? { detail: t('presenterVotesDetail', { phones: phones[file] ?? 0, hands: hands[file] ?? 0 }) } : {}),
      })),
    };
    // With previews of the amounts the room sees the effects already; otherwise they are the trainer's alone.
    const hidden = previewMode(scenario, room.workshop.settings.preview) !== 'amount';
    const effects: ViewSection = {
      id: 'effects',
      heading: t(hidden ? 'presenterEffectsHidden' : 'presenterEffects'),
      secret: hidden,
      items: order.map((file, position) => {
        const choice = card.choices[file]!;
        const next = choice.next === undefined ? undefined : typeof choice.next === 'string' ? { card: choice.next, after: 1 } : choice.next;
        return {
          label: label(file, position),
          value: effectsText(scenario, choice.effects),
          ...(next ? { detail: next.after === 1 ? t('presenterLeadsTo', { card: cardLine(scenario, next.card) }) : t('presenterLeadsToLater', { after: next.after, card: cardLine(scenario, next.card) }) } : {}),
        };
      }),
    };
    const state = activeTeam(room).state;
    const due = state.scheduled.filter((s) => s.due === state.turn + 1)[0];
    const next: ViewSection = { id: 'next', heading: t('presenterNext'), secret: true, text: due ? t('presenterNextDue', { card: cardLine(scenario, due.card) }) : t('presenterNextDrawn') };
    return { sections: [notesSection(card), votes, effects, next], cardId: card.id };
  }
  // After the reveal and between teams the next card has been dealt: it is known.
  const upcoming = room.phase === 'reveal' || room.phase === 'scoreboard' ? activeTeam(room).state.current : null;
  const sections: ViewSection[] = [];
  const decided = room.reveal ? scenario.cards.find((c) => c.id === room.reveal!.outcome.card) : undefined;
  if (decided && room.phase === 'reveal') sections.push(notesSection(decided));
  if (upcoming) sections.push({ id: 'next', heading: t('presenterNext'), secret: true, text: t('presenterNextIs', { card: cardLine(scenario, upcoming.card) }) });
  return { sections, cardId: decided?.id ?? null };
}

/** The first words of an answer, to name its button: enough to tell answers apart, short enough to read out. */
function answerStart(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text;
}

/** The open question's answers, newest first as on the projector, each with its hide or show button. */
function answersSection(room: Room): ViewSection[] {
  const question = openQuestion(room.workshop.seed);
  if (!question) return [];
  const answers = [...question.answers].reverse();
  return [{
    id: 'answers',
    heading: t('presenterAnswers'),
    hold: { on: holdingAnswers(room.workshop.seed), button: t('presenterHoldAnswers') },
    ...(answers.length === 0 ? { text: t('questionNoAnswers') } : {}),
    items: answers.map((a) => ({
      label: a.text,
      value: t(a.hidden ? 'questionHiddenValue' : 'questionShownValue'),
      answer: {
        id: a.id,
        hidden: a.hidden,
        button: t(a.hidden ? 'presenterShowAnswer' : 'presenterHideAnswer'),
        buttonLabel: t(a.hidden ? 'presenterShowAnswerLabel' : 'presenterHideAnswerLabel', { answer: answerStart(a.text) }),
      },
    })),
  }];
}

/** The projector's description as sections: the timer and the phones, and everything else it says. */
function roomSections(model: ScreenModel, overlay: ScreenModel | null): { live: ViewSection[]; room: ViewSection[] } {
  const live = model.regions.filter((r) => r.name === 'live').flatMap((r) => r.items ?? []);
  const items: ViewItem[] = [];
  const texts: string[] = [];
  for (const region of [...(overlay?.regions ?? []), ...model.regions]) {
    // The hand-count buttons and the touch bar repeat the keys; the presenter has the keys.
    if (region.name === 'live' || region.name === 'hands' || region.role === 'toolbar') continue;
    if (region.text && !region.items?.length) texts.push(region.label ? `${region.label}: ${region.text}` : region.text);
    for (const item of region.items ?? []) items.push({ label: item.label, ...(item.value !== undefined ? { value: item.value } : {}), ...(item.detail !== undefined ? { detail: item.detail } : {}) });
  }
  return {
    live: live.length > 0 ? [{ id: 'live', heading: t('presenterLive'), items: live.map((i) => ({ label: i.label, ...(i.value !== undefined ? { value: i.value } : {}) })) }] : [],
    room: [{ id: 'room', heading: t('presenterRoomSees'), ...(texts.length > 0 ? { text: texts.join('\n') } : {}), items }],
  };
}

/** The presenter's view of the projector as it is now. */
export function presenterView(): PresenterView {
  const { screen, phase } = currentScreen();
  const room = currentRoom();
  const secret = room && screen === 'workshop' ? secretSections(room) : { sections: [], cardId: null };
  const answers = room ? answersSection(room) : [];
  const model = screenModel();
  const { live, room: seen } = roomSections(model, overlayModel());
  return {
    lang: language(),
    title: model.title ? `${t('presenterTitle')} · ${model.title}` : t('presenterTitle'),
    screen,
    cardId: secret.cardId,
    phase,
    // The timer first: the trainer looks at it most; the room's view last, as a reminder of what it sees.
    sections: [...live, ...answers, ...secret.sections, ...seen],
    keys: t('presenterKeys'),
    place: t('presenterPlace'),
    placeFailed: t('presenterPlaceFailed'),
  };
}
