/**
 * Dutch descriptions for the JSON Schema of a scenario file, by their English text in
 * `src/engine/format.ts`: `npm run schema` writes `levels/scenario.nl.schema.json` with these, for
 * an editor (VS Code and others show a field's description as you type). A test checks that every
 * description of the format has its Dutch here, so a new field cannot go without.
 */
export const schemaDescriptionsNl: ReadonlyMap<string, string> = new Map([
  ['A scenario for Many Masters (Meerdere heren dienen), format 1.', 'Een scenario voor Meerdere heren dienen (Many Masters), formaat 1.'],
  ['Many Masters scenario', 'Scenario voor Meerdere heren dienen'],
  ['The path of the JSON Schema, for editors.', 'Het pad naar het JSON-schema, voor editors.'],
  ['The version of this file format.', 'De versie van dit bestandsformaat.'],
  ['The id of this scenario: letters, digits and - _ . : (no spaces).', 'Het id van dit scenario: letters, cijfers en - _ . : (geen spaties).'],
  ['The scenario\'s name on the title screen.', 'De naam van het scenario op het titelscherm.'],
  ['One or two sentences under the title on the title screen.', 'Eén of twee zinnen onder de titel op het titelscherm.'],
  ['The kind of organisation.', 'Het soort organisatie.'],
  ['The number of cards to survive; without it the game is endless until a meter ends it.', 'Het aantal kaarten dat je moet doorstaan; zonder dit veld duurt het spel tot een meter het beëindigt.'],
  ['What a turn is called on screen ("week 5 of 30").', 'Hoe een beurt op het scherm heet ("week 5 van 30").'],
  ['What the player sees of a choice before choosing.', 'Wat de speler vóór het kiezen van een keuze ziet.'],
  ['The order a card\'s choices are shown in: shuffled per game (default, so no position gives the answer away) or as written in the file.', 'De volgorde waarin de keuzes van een kaart staan: per spel geschud (standaard, zodat geen plaats het antwoord verraadt) of zoals in het bestand.'],
  ['The satisfaction meters: two to eight.', 'De tevredenheidsmeters: twee tot acht.'],
  ['A satisfaction meter: how content one master is.', 'Een tevredenheidsmeter: hoe tevreden één heer is.'],
  ['The id of this meter: letters, digits and - _ . : (no spaces).', 'Het id van deze meter: letters, cijfers en - _ . : (geen spaties).'],
  ['The meter\'s name on screen: whose satisfaction it shows.', 'De naam van de meter op het scherm: wiens tevredenheid hij toont.'],
  ['The name of an icon in assets/icons, without .svg.', 'De naam van een icoon in assets/icons, zonder .svg.'],
  ['The value at the start of the game.', 'De waarde aan het begin van het spel.'],
  ['The lowest value (default 0).', 'De laagste waarde (standaard 0).'],
  ['The highest value (default 100).', 'De hoogste waarde (standaard 100).'],
  ['The ending reached when this meter hits its minimum: the id of one of the endings in this file.', 'Het einde dat volgt als deze meter zijn minimum bereikt: het id van een van de eindes in dit bestand.'],
  ['The ending reached when this meter hits its maximum: the id of one of the endings in this file.', 'Het einde dat volgt als deze meter zijn maximum bereikt: het id van een van de eindes in dit bestand.'],
  ['The masters who send cards.', 'De heren die kaarten sturen.'],
  ['Someone who sends cards: a master to serve.', 'Iemand die kaarten stuurt: een heer om te dienen.'],
  ['The id of this stakeholder: letters, digits and - _ . : (no spaces).', 'Het id van deze belanghebbende: letters, cijfers en - _ . : (geen spaties).'],
  ['Who this is, as shown on their cards.', 'Wie dit is, zoals op de kaarten staat.'],
  ['The name of a portrait in assets/portraits, without .svg.', 'De naam van een portret in assets/portraits, zonder .svg.'],
  ['The meter that shows this stakeholder\'s satisfaction: the id of one of the meters in this file.', 'De meter die de tevredenheid van deze belanghebbende toont: het id van een van de meters in dit bestand.'],
  ['The deck: every dilemma the player may meet.', 'De stapel: elk dilemma dat de speler kan tegenkomen.'],
  ['A dilemma brought by one stakeholder.', 'Een dilemma van één belanghebbende.'],
  ['The id of this card: letters, digits and - _ . : (no spaces).', 'Het id van deze kaart: letters, cijfers en - _ . : (geen spaties).'],
  ['The stakeholder who brings this card: the id of one of the stakeholders in this file.', 'De belanghebbende die deze kaart brengt: het id van een van de belanghebbenden in dit bestand.'],
  ['What the stakeholder says or asks: at most about 280 characters.', 'Wat de belanghebbende zegt of vraagt: hoogstens ongeveer 280 tekens.'],
  ['The answers the player can give: two to four.', 'De antwoorden die de speler kan geven: twee tot vier.'],
  ['One answer the player can give.', 'Eén antwoord dat de speler kan geven.'],
  ['The button text: at most about 60 characters so it fits a projector.', 'De knoptekst: hoogstens ongeveer 60 tekens, zodat hij op de beamer past.'],
  ['How much each meter moves, as {"meter id": amount}; a negative amount takes from it.', 'Hoeveel elke meter beweegt, als {"meter-id": getal}; een negatief getal haalt eraf.'],
  ['The flags this choice sets, as {"flag": true, false or a number}.', 'De vlaggen die deze keuze zet, als {"vlag": true, false of een getal}.'],
  ['A flag\'s value: true, false or a number.', 'De waarde van een vlag: true, false of een getal.'],
  ['Shown after the choice: why it mattered, and to whom.', 'Getoond na de keuze: waarom die ertoe deed, en voor wie.'],
  ['A card that follows from this choice: its id (next turn) or {"card", "after"} for later.', 'Een kaart die op deze keuze volgt: haar id (volgende beurt) of {"card", "after"} voor later.'],
  ['The card that follows on the next turn: the id of one of the cards in this file.', 'De kaart die de volgende beurt volgt: het id van een van de kaarten in dit bestand.'],
  ['The card that follows: the id of one of the cards in this file.', 'De kaart die volgt: het id van een van de kaarten in dit bestand.'],
  ['How many turns later the card follows (1 is the next turn).', 'Hoeveel beurten later de kaart volgt (1 is de volgende beurt).'],
  ['Labels for the debrief, for example the level (friendly, oriented, driven), the frame (more, better, different), payer or user.', 'Labels voor de nabespreking, bijvoorbeeld het niveau (friendly, oriented, driven), het kader (more, better, different), payer of user.'],
  ['The card is only drawn while this holds.', 'De kaart wordt alleen getrokken zolang dit klopt.'],
  ['How likely the card is drawn (1 if left out); with 0 it comes only through a next.', 'Hoe waarschijnlijk de kaart getrokken wordt (1 als je het weglaat); met 0 komt ze alleen via een next.'],
  ['Draw this card at most once per game.', 'Trek deze kaart hoogstens één keer per spel.'],
  ['Turns after this card was shown before it can be drawn again (follow-ups through next still come).', 'Beurten nadat deze kaart getoond is voordat ze weer getrokken kan worden (vervolgkaarten via next komen wel).'],
  ['Notes for the trainer, shown only on the presenter view: where the card comes from and a question to ask.', 'Notities voor de trainer, alleen te zien in de presentatorweergave: waar de kaart vandaan komt en een vraag om te stellen.'],
  ['Where the card comes from: the source article (title, author) and the idea the card stands for.', 'Waar de kaart vandaan komt: het bronartikel (titel, auteur) en het idee waar de kaart voor staat.'],
  ['A question the trainer can ask the room about this card.', 'Een vraag die de trainer de zaal over deze kaart kan stellen.'],
  ['Labels for the card, for example the source article (source:000).', 'Labels voor de kaart, bijvoorbeeld het bronartikel (source:000).'],
  ['How the game can end: meter endings (named by onMin/onMax) and endings after the last turn, in order.', 'Hoe het spel kan eindigen: eindes van meters (genoemd in onMin/onMax) en eindes na de laatste beurt, op volgorde.'],
  ['How the game ends. After the last turn, the first ending whose when holds is chosen; an ending without when is a fallback.', 'Hoe het spel eindigt. Na de laatste beurt wordt het eerste einde gekozen waarvan de when klopt; een einde zonder when is een vangnet.'],
  ['The id of this ending: letters, digits and - _ . : (no spaces).', 'Het id van dit einde: letters, cijfers en - _ . : (geen spaties).'],
  ['The ending\'s headline.', 'De kop van het einde.'],
  ['What happened, in a few sentences.', 'Wat er gebeurde, in een paar zinnen.'],
  ['After the last turn, this ending is chosen if it is the first whose condition holds. Leave it out for the fallback.', 'Na de laatste beurt wordt dit einde gekozen als het het eerste is waarvan de voorwaarde klopt. Laat het weg voor het vangnet.'],
  ['What the player sees after the game.', 'Wat de speler na het spel ziet.'],
  ['Reflection questions for the end of the game.', 'Vragen om op terug te kijken aan het eind van het spel.'],
  ['Statements a workshop rates on the phones from 1 (disagree) to 5 (agree), before the first card and again after the debrief, to show what changed.', 'Stellingen die de zaal in een workshop op de telefoons beoordeelt van 1 (oneens) tot 5 (eens), voor de eerste kaart en opnieuw na de nabespreking, om te laten zien wat er veranderde.'],
  ['Labels and explanations for choice tags.', 'Namen en uitleg voor de labels van keuzes.'],
  ['How the debrief names and explains a tag.', 'Hoe de nabespreking een label noemt en uitlegt.'],
  ['The tag\'s name in the debrief.', 'De naam van het label in de nabespreking.'],
  ['What choosing this way means.', 'Wat het betekent om zo te kiezen.'],
  ['A rule about the game so far: a meter, a flag, the turn, a card seen, a choice taken, the tag chosen most, or all/any/not of others.', 'Een regel over het spel tot nu toe: een meter, een vlag, de beurt, een getoonde kaart, een gemaakte keuze, het label dat het vaakst gekozen is, of all/any/not van andere regels.'],
  ['Holds when a meter is in a range.', 'Klopt als een meter binnen een bereik ligt.'],
  ['The meter this condition looks at: the id of one of the meters in this file.', 'De meter waar deze voorwaarde naar kijkt: het id van een van de meters in dit bestand.'],
  ['Holds when the meter is lower than this.', 'Klopt als de meter lager is dan dit.'],
  ['Holds when the meter is higher than this.', 'Klopt als de meter hoger is dan dit.'],
  ['Holds when the meter is this or higher.', 'Klopt als de meter dit is of hoger.'],
  ['Holds when the meter is this or lower.', 'Klopt als de meter dit is of lager.'],
  ['Holds when a flag has a value (default: true).', 'Klopt als een vlag een waarde heeft (standaard: true).'],
  ['The flag this condition looks at: a name that a choice sets with "set".', 'De vlag waar deze voorwaarde naar kijkt: een naam die een keuze zet met "set".'],
  ['Holds during a range of turns (1 is the first card).', 'Klopt tijdens een reeks beurten (1 is de eerste kaart).'],
  ['A range of turns, with atLeast, atMost or both.', 'Een reeks beurten, met atLeast, atMost of allebei.'],
  ['From this turn on.', 'Vanaf deze beurt.'],
  ['Up to and including this turn.', 'Tot en met deze beurt.'],
  ['Holds once a card has been shown.', 'Klopt zodra een kaart getoond is.'],
  ['The card that must have been shown: the id of one of the cards in this file.', 'De kaart die getoond moet zijn: het id van een van de kaarten in dit bestand.'],
  ['Holds when the latest answer to a card was the given choice, counted from 0 in the order of the file.', 'Klopt als het laatste antwoord op een kaart de gegeven keuze was, geteld vanaf 0 in de volgorde van het bestand.'],
  ['The card whose latest answer counts: the id of one of the cards in this file.', 'De kaart waarvan het laatste antwoord telt: het id van een van de kaarten in dit bestand.'],
  ['The choice\'s place in the file, counting from 0 (the first choice is 0).', 'De plaats van de keuze in het bestand, geteld vanaf 0 (de eerste keuze is 0).'],
  ['Holds when choices with the tag "mostly" were taken more often than choices with each tag in "over" (a tie does not hold), as the debrief counts how the player chose. Use it for an ending that says how the player chose.', 'Klopt als keuzes met het label "mostly" vaker genomen zijn dan keuzes met elk label in "over" (gelijkspel klopt niet), zoals de nabespreking telt hoe de speler koos. Gebruik het voor een einde dat zegt hoe de speler koos.'],
  ['The tag that must have been chosen most: a tag that choices carry in "tags".', 'Het label dat het vaakst gekozen moet zijn: een label dat keuzes hebben onder "tags".'],
  ['The tags it must have been chosen more often than, each of them.', 'De labels waar het vaker dan gekozen moet zijn, elk daarvan.'],
  ['A tag to compare with.', 'Een label om mee te vergelijken.'],
  ['Holds when every condition in the list holds.', 'Klopt als elke voorwaarde in de lijst klopt.'],
  ['Conditions that must all hold.', 'Voorwaarden die allemaal moeten kloppen.'],
  ['Holds when at least one condition in the list holds.', 'Klopt als minstens één voorwaarde in de lijst klopt.'],
  ['Conditions of which at least one must hold.', 'Voorwaarden waarvan er minstens één moet kloppen.'],
  ['Holds when the condition does not.', 'Klopt als de voorwaarde niet klopt.'],
  ['The condition that must not hold.', 'De voorwaarde die niet mag kloppen.'],
  ['Text the player sees: one string, or one per language ({"nl": "…", "en": "…"}). Missing languages fall back to another.', 'Tekst die de speler ziet: één tekst, of één per taal ({"nl": "…", "en": "…"}). Een ontbrekende taal valt terug op een andere.'],
  ['A language code such as "nl" or "en".', 'Een taalcode zoals "nl" of "en".'],
]);

/** The schema with its titles and descriptions in Dutch; one without a Dutch text keeps its English. */
export function dutchSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(dutchSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // Examples are data, not prose: they stay as written.
    if ((key === 'description' || key === 'title') && typeof value === 'string') out[key] = schemaDescriptionsNl.get(value) ?? value;
    else out[key] = key === 'examples' || key === 'const' || key === 'enum' ? value : dutchSchema(value);
  }
  return out;
}

/** Every title and description in a schema, for the test that each has its Dutch. */
export function schemaTexts(schema: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => schemaTexts(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if ((key === 'description' || key === 'title') && typeof value === 'string') out.add(value);
      else if (key !== 'examples') schemaTexts(value, out);
    }
  }
  return out;
}
