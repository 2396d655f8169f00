/** Forms of a message that decide whether a unit is work, and whose: read by extract-actions.ts. */

/** "… if you'd like an early look": a condition on the listener's wish, not on the work promised. */
export const LISTENERS_WISH = /\bif (?:you|u|y'all)(?:['’]d| would)? (?:want|wanna|like|need|prefer)\b.*$/i;
/** "I'll be there at 3": being somewhere is not a task. */
export const BEING = /\b(?:i'?ll|i will|i'?m going to|i am going to)\s+(?:just\s+)?be\b/i;
/** The speaker in the first person, or work already under way ("checking the logs"). */
export const SPEAKER_TAKES =
  /\b(i|i'?m|i'?ll|i will|me|we'?ll|we will)\b|^(?:[\p{Emoji}\s]*)(?!(?:going|heading|leaving|coming|getting|feeling|being|off)\b)\p{L}+ing\b/iu;
/** A request to several people that each of them does ("you both", "your slides"). */
export const EACH_OF_YOU =
  /\b(?:you (?:both|all|two|three)|both of you|each of you|all of you|y'?all)\b|\byour (?:own )?(?:\p{L}+ )?\p{L}+[^\Wsui]s\b/iu;

/** Words that stand for a thing said before: "I'll sign it", "sending them Monday". */
export const STANDS_IN = /\b(?:it|that|this|them|those|these)\b/i;

/** "note to self: update the receiver by the 20th": the speaker's own to-do. */
export const NOTE_TO_SELF =
  /^\W*(?:note|reminder|memo|todo|to-do)\s+(?:to|for)\s+(?:self|myself|me)\s*[:—–-]\s*(?=\S)/i;

/** "I'll fix it right after I rewrite the engine in Rust 🙃": said with a wink, promised to nobody. */
export const IRONY = /🙃|🙄|😜|\s\/s\s*$|\bya right\b|\byeah right\b/u;
