/**
 * Upper bounds on the short texts a conversation carries everywhere it is shown (brief, digest,
 * ask, the graph): one rule, applied where they are made and again where they are read, so a
 * store written before the caps existed still prints bounded lines.
 */
export const TOPIC_MAX = 80;
export const SUMMARY_MAX = 300;
/** A person's name, handle or email address (issue 16, fuzz: an 8 MB Discord nickname took 52 s and 1 GB to resolve). */
export const NAME_MAX = 256;

/** The first `max` characters of `text`, ending before the last whitespace among them when it falls past half way. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  let space = cut.length - 1;
  while (space >= 0 && !/\s/.test(cut[space])) space--;
  return space > max / 2 ? cut.slice(0, space).trimEnd() : cut;
}

/** `text` cut to at most `max` characters, on a word boundary when one is near, ending in "…". */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${cutAtWord(text, max - 1)}…`;
}

/** A topic on one line of at most 80 characters. */
export function capTopic(topic: string): string {
  return capText(topic.replace(/\s+/g, ' ').trim(), TOPIC_MAX);
}

/** A summary of at most 300 characters (its line breaks kept). */
export function capSummary(summary: string): string {
  return capText(summary.trim(), SUMMARY_MAX);
}

/** A name, handle or email on one line of at most 256 characters; one within the cap is kept exactly as written. */
export function capName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  return capText(
    name
      .slice(0, 4 * NAME_MAX)
      .replace(/\s+/g, ' ')
      .trim(),
    NAME_MAX,
  );
}
