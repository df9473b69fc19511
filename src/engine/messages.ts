/**
 * Problems in a scenario file as codes with parameters. The engine decides what is wrong and where;
 * `src/locales/authoring.ts` words it, with how to fix it, in the reader's language.
 */

/**
 * A parameter is a plain value, a list of names (worded as a list in the reader's language: "nl" and
 * "en"), or a nested message (what was found, in words of its own).
 */
export type Param = string | number | readonly string[] | Coded;
export type Params = Readonly<Record<string, Param>>;

export interface Coded {
  code: ProblemCode;
  params: Params;
}

export const coded = (code: ProblemCode, params: Params = {}): Coded => ({ code, params });

/** What a value is, for "expected a number, found the text "10"". */
export function found(value: unknown): Coded {
  if (value === null) return coded('foundNull');
  if (Array.isArray(value)) return coded('foundList');
  if (typeof value === 'object') return coded('foundObject');
  if (typeof value === 'string') return value.length > 30 ? coded('foundLongText') : coded('foundText', { value });
  if (typeof value === 'number') return coded('foundNumber', { value });
  return coded('foundValue', { value: String(value) });
}

export type ProblemCode =
  // What a value is
  | 'foundNull' | 'foundList' | 'foundObject' | 'foundText' | 'foundLongText' | 'foundNumber' | 'foundValue' | 'foundEnd' | 'foundLineEnd' | 'foundChar'
  // Places and counts inside other messages
  | 'placeFirst' | 'placeSecond' | 'placeThird' | 'placeFourth' | 'placeN' | 'choicesOne' | 'choicesMany' | 'itemsOne' | 'itemsMany'
  // Reading the JSON
  // How the file was saved (src/engine/scenarioFile.ts)
  | 'savedAsWindows1252' | 'savedAsUtf16' | 'savedAsDocument' | 'savedBrokenMark' | 'savedInUnknownEncoding'
  | 'fileTooLarge' | 'fileUnreadable' | 'bomAtStart' | 'bomInside' | 'comment' | 'textNotClosed' | 'textPastLineEnd' | 'controlCharacter' | 'badEscape'
  | 'tooLongText' | 'badNumber' | 'tooLongNumber' | 'numberTooLarge' | 'tooDeep' | 'commaBeforeBrace' | 'expectedFieldName' | 'unquotedFieldName'
  | 'tooManyKeys' | 'expectedColon' | 'reservedField' | 'duplicateField' | 'commaMissingField' | 'expectedCommaOrBrace' | 'tooManyItems'
  | 'commaBeforeBracket' | 'commaMissingItem' | 'expectedCommaOrBracket' | 'singleQuotes' | 'curlyQuotes' | 'quoteInsideText' | 'fileEndsEarly'
  | 'expectedValue' | 'afterEnd' | 'plusSign' | 'decimalComma' | 'fieldsInList' | 'quoteNotClosed'
  // The format
  | 'expectedText' | 'textEmpty' | 'textTooShort' | 'textTooLong' | 'badId' | 'badLanguageCode' | 'badPattern' | 'reservedName' | 'expectedNumber'
  | 'expectedWholeNumber' | 'numberAsText' | 'notWhole' | 'tooSmall' | 'tooBig' | 'expectedBoolean' | 'booleanAsText' | 'wrongConstant' | 'notOneOf'
  | 'expectedList' | 'tooFewListItems' | 'tooManyListItems' | 'expectedObject' | 'unknownField' | 'twoConditionKinds' | 'missingField'
  | 'meterNeedsComparison' | 'expectedRecord' | 'needsEntries' | 'expectedTextOrLanguages' | 'badFlagValue' | 'conditionKindMissing'
  | 'expectedCondition' | 'badNext' | 'newerFormat' | 'tooFewChoices' | 'tooManyChoices' | 'notesEmpty'
  // Cross-references
  | 'unknownMeter' | 'unknownStakeholder' | 'unknownCard' | 'unknownTag' | 'unknownEnding' | 'unknownEffectMeter' | 'duplicateId' | 'minNotBelowMax' | 'startOutside'
  | 'noSuchChoice'
  // Warnings
  | 'neverDrawnWeight' | 'cardNeedsFlag' | 'endingNeedsFlag' | 'endingAfterFallback' | 'noFallbackEnding' | 'meterUnchanged' | 'stakeholderNoCard'
  | 'tagNoLabel' | 'noConsequence' | 'endsAtOnce' | 'noDilemma' | 'missingLanguage' | 'unknownPortrait' | 'unknownIcon' | 'labelTooLong'
  | 'choseCountsFromZero' | 'sameScenarioId' | 'moreProblems' | 'bidiControl' | 'nextToSelf' | 'cardTextTooLong' | 'tagsWithoutDebrief'
  // Simulation findings and conditions in words
  | 'condBelow' | 'condAbove' | 'condAtLeast' | 'condAtMost' | 'condFlag' | 'condTurns' | 'condTurnFrom' | 'condTurnUntil' | 'condSeen' | 'condChose' | 'condMostly'
  | 'condAnd' | 'condOr' | 'condNot' | 'whyWeight' | 'whyFlag' | 'whyWeightUntaken' | 'whyCondition' | 'whyCrowded' | 'findNeverDrawn' | 'findMeterEnds'
  | 'balanceOverTopGives' | 'balanceOverTopPopular' | 'balanceTakes' | 'balanceDry' | 'findHopeless' | 'findTooEasy'
  // What in the deck causes a balance verdict (the editor's checks)
  | 'causeFewCards' | 'causeFallsOutweigh';

/** "the second choice": a choice named by its place in the file (1 = the first), since players see them shuffled. */
export function place(n: number): Coded {
  const named = (['placeFirst', 'placeSecond', 'placeThird', 'placeFourth'] as const)[n - 1];
  return named ? coded(named) : coded('placeN', { n });
}

/** "1 item", "3 items" (or choices): a count with its noun, in the reader's language. */
export function counted(n: number, noun: 'items' | 'choices'): Coded {
  return noun === 'items' ? coded(n === 1 ? 'itemsOne' : 'itemsMany', { count: n }) : coded(n === 1 ? 'choicesOne' : 'choicesMany', { count: n });
}
