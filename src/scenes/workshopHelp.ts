/** The key help on the workshop screens: votes, the guess, the timer and "what if" instead of solo keys. */
import type { MessageKey } from '../locales/en.ts';
import { currentScreen } from '../platform/screen.ts';

const WORKSHOP_HELP_ROWS: [MessageKey, MessageKey][] = [
  ['keysVoteTyped', 'helpVoteTyped'],
  ['keysVoteOne', 'helpVoteOne'],
  ['keysGuess', 'helpGuess'],
  ['keysDecide', 'helpDecideVotes'],
  ['keysTimer', 'helpTimer'],
  ['keysWhatIf', 'helpWhatIf'],
  ['keysPresenter', 'helpPresenter'],
  ['keysJoin', 'helpJoin'],
  ['keysAsk', 'helpAsk'],
  ['keysRate', 'helpRate'],
  ['keysCloseVoting', 'helpCloseVoting'],
  ['keysFocus', 'helpFocus'],
  ['keysBlank', 'helpBlank'],
  ['keysLanguage', 'helpLanguage'],
  ['keysMenu', 'helpMenu'],
  ['keysHelp', 'helpHelp'],
];

/** The rows for the screen under the help overlay. */
export function helpRowsFor(solo: [MessageKey, MessageKey][]): [MessageKey, MessageKey][] {
  const { screen } = currentScreen();
  return screen === 'workshop' || screen === 'whatif' || screen === 'debrief' ? WORKSHOP_HELP_ROWS : solo;
}
