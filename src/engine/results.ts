/**
 * A workshop's results as rows, one per team, week and card: the choices as the room saw them
 * (numbered as shown on the wall), the votes on each by source (phones, and counted by hand or key),
 * the room's guess, the decision, how it was reached and the time it took. Pure: the spreadsheet and
 * JSON files are written from these rows (src/report/results.ts), so every figure is the engine's.
 */
import type { Scenario } from './format.ts';
import { shownOrder } from './game.ts';
import { resolveText, type Language } from './text.ts';
import type { Workshop } from './workshop.ts';

/** A card has at most four choices (the format's limit): the spreadsheet has columns for four. */
export const RESULT_CHOICES = 4;

export interface ResultChoice {
  /** The number the room saw on the wall (1–4). */
  number: number;
  text: string;
  phones: number;
  hands: number;
}

export interface ResultRow {
  team: string;
  week: number;
  card: string;
  cardText: string;
  stakeholder: string;
  choices: ResultChoice[];
  /** The number (as shown) and text of the choice taken. */
  decision: number;
  decisionText: string;
  how: 'majority' | 'tie' | 'trainer';
  /** The room's guess of the meter that gains most, and whether it did; null without a guess. */
  guess: string | null;
  guessRight: boolean | null;
  /** Seconds from the card on the wall to the decision; null when not measured (an older save). */
  seconds: number | null;
}

export function resultRows(scenario: Scenario, workshop: Workshop, language: Language): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const team of workshop.teams) {
    for (const decision of team.decisions) {
      const card = scenario.cards.find((c) => c.id === decision.card);
      if (!card) continue;
      const order = shownOrder(card, decision.order);
      const counts = decision.vote.counts ?? card.choices.map(() => 0);
      const phones = decision.vote.phones ?? card.choices.map(() => 0);
      const choices = order.map((file, position) => ({
        number: position + 1,
        text: resolveText(card.choices[file]?.label, language),
        phones: phones[file] ?? 0,
        hands: Math.max(0, (counts[file] ?? 0) - (phones[file] ?? 0)),
      }));
      const meter = decision.vote.guess ? scenario.meters.find((m) => m.id === decision.vote.guess) : undefined;
      const gains = scenario.meters.map((m) => decision.deltas[m.id] ?? 0);
      const best = Math.max(0, ...gains);
      const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
      rows.push({
        team: team.name,
        week: decision.turn,
        card: card.id,
        cardText: resolveText(card.text, language),
        stakeholder: resolveText(stakeholder?.name, language),
        choices,
        decision: order.indexOf(decision.choice) + 1,
        decisionText: resolveText(card.choices[decision.choice]?.label, language),
        how: decision.how.by,
        guess: meter ? resolveText(meter.label, language) : null,
        guessRight: meter ? best > 0 && (decision.deltas[meter.id] ?? 0) === best : null,
        seconds: decision.seconds ?? null,
      });
    }
  }
  return rows;
}
