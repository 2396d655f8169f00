/**
 * Whether a unit opens like an imperative ("send me the deck", "pls check staging"): a base-form
 * verb common in work chat, or "please"/"kindly". The model also sees the first word itself; this
 * flag lets it generalise from the verbs it saw to the ones it did not.
 */
const VERBS = new Set(
  (
    'add adjust align answer apply approve archive ask assign attach audit back bake block book bring bump ' +
    'call cancel cc change check choose circle claim clean clear close collect come comment compare confirm connect ' +
    'consider contact copy correct cover create cut debug decide delete deploy describe disable do document double ' +
    'download draft drop email enable escalate estimate export extend file fill find finish fix flag follow ' +
    'forward get give go grab handle help hold hop include investigate invite join jump keep kick label land ' +
    'leave let link list loop look make mark merge message migrate move note notify open order organize patch ' +
    'pick ping plan post prepare prep print prioritize proofread publish pull push put raise re-run read reach ' +
    'record reply report request rerun reschedule resend reset resolve restart review revert roll rotate run ' +
    'save schedule scope send set share ship show sign skip sort spin start stop submit swap sync tag take ' +
    'talk tell test text track try turn unblock update upload use verify walk watch write'
  ).split(' '),
);

const POLITE = new Set(['please', 'kindly', 'pls', 'plz']);

/** `tokens[from]` is the first word after any mention, greeting or leading name. */
export function opensWithVerb(tokens: readonly string[], from: number): boolean {
  const first = tokens[from];
  return first !== undefined && (VERBS.has(first) || POLITE.has(first));
}
