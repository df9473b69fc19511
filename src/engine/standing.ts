/**
 * Where a team's game stands at the end of a session: the ending it reached, or, for a game the
 * trainer stopped before its end, the ending that would be chosen if it ended now, with its meters and
 * how the team chose. The debrief's first slide and the report show this, so a stopped session still
 * says where each team was heading.
 */
import { pickEnding } from './endings.ts';
import type { Scenario } from './format.ts';
import { own } from './own.ts';
import { leadingTag, PROFILE_GROUPS, tagCounter } from './profile.ts';
import type { GameState } from './state.ts';

export interface Standing {
  /** True when the game reached its own end; false for a game stopped while it ran. */
  ended: boolean;
  /** The ending reached, or the one that would be chosen now; null when no ending applies. */
  ending: string | null;
  /** Cards decided. */
  turns: number;
  /** The meters as they stand, in the scenario's order. */
  meters: { meter: string; value: number }[];
  /** Per profile group the scenario labels (levels, frames), the tag chosen most; a tie or no choice leaves the group out. */
  mostly: string[];
}

export function standing(scenario: Scenario, state: GameState): Standing {
  const ended = state.end !== null;
  const ending = ended ? state.end!.ending : pickEnding(scenario, state, 'turns').ending;
  const count = tagCounter(scenario, state.history);
  const labelled = (tag: string) => own(scenario.debrief?.tags, tag) !== undefined;
  const mostly = PROFILE_GROUPS.map((group) => leadingTag(count, group.filter(labelled))).filter((tag): tag is string => tag !== null);
  return { ended, ending, turns: state.history.length, meters: scenario.meters.map((m) => ({ meter: m.id, value: own(state.meters, m.id)! })), mostly };
}
