/** Who a unit speaks to, as written: raw @-mentions and a leading name. Resolving them to people is the caller's job. */

const MENTION =
  /(?:<@[A-Z0-9]+(?:\|[^>]*)?>|(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.'-]*[\p{L}\p{N}_])?)/gu;

/** Raw @-mention tokens (`@marco`, `@Tom`, `@here`, Slack `<@U0123>`); e-mail addresses are not mentions. */
export function mentionsIn(text: string): string[] {
  if (!text.includes('@')) return [];
  return text.match(MENTION) ?? [];
}

/** Openers and words that precede "," or ":" at the start of a sentence without being anyone's name. */
const NOT_NAMES = new Set(
  (
    'ok okay k kk so yes yeah yep yup ya yea no nope nah well also and but or anyway anyways btw fyi note notes nb ps ' +
    'update updates edit eta status decision decided proposal question questions q re todo todos action actions summary ' +
    'context background agenda tldr tl;dr reminder heads agreed done thanks thank thx ty sorry hmm hm ah oh uh um right ' +
    'sure honestly actually basically seriously literally first second third then next finally lastly today tonight ' +
    'tomorrow yesterday morning afternoon evening monday tuesday wednesday thursday friday saturday sunday weekend ' +
    'folks team everyone everybody all guys yall y’all peeps people friends hi hello hey yo hiya greetings dear ' +
    'great cool nice awesome perfect good fine true correct exactly totally absolutely definitely interesting ' +
    'wait hold look listen see guess plus besides however though meanwhile otherwise instead still now later ' +
    'important urgent warning caution info tip problem issue bug fix result results outcome conclusion verdict ' +
    'example eg e.g ie i.e plan idea option options pros cons why what how when where who which because since if ' +
    'here there this that these those it its we you they i me my our your their he she his her them us ' +
    'quick quickly one two three four five lol lmao haha omg wow ugh meh whoa yikes oops welp phew ' +
    'please pls plz confirmed approved rejected shipped merged fixed deployed released blocked blocker'
  ).split(' '),
);

const LEADING =
  /^(?:(?:hey|hi|hello|yo|ok|okay|thanks|ty|so|and|also|oh|ah)[ ,]+)?([\p{L}][\p{L}'’-]{1,23})[ \t]*[,:](?![/\d])/u;

/** A name-like first word followed by "," or ":" ("Marco, could you…", "zara: …", "hey Lena, …"). */
export function leadingNameOf(text: string): string | undefined {
  const match = LEADING.exec(text.slice(0, 48));
  if (!match) return undefined;
  const name = match[1];
  return NOT_NAMES.has(name.toLowerCase()) ? undefined : name;
}
