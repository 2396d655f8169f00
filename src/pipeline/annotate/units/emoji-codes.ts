/**
 * Slack and Discord write emoji as `:shortcode:`; the cues and the classifier read the emoji
 * themselves. Only the codes that carry an act (done, agree, thanks, look) are mapped; the rest
 * stay as written.
 */
const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  '+1': '👍',
  thumbsup: '👍',
  thumbs_up: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  ok_hand: '👌',
  raised_hands: '🙌',
  clap: '👏',
  pray: '🙏',
  tada: '🎉',
  rocket: '🚀',
  eyes: '👀',
  x: '❌',
  no_entry: '⛔',
  warning: '⚠️',
  heart: '❤️',
  fire: '🔥',
  '100': '💯',
  smile: '😄',
  joy: '😂',
  sweat_smile: '😅',
  thinking_face: '🤔',
  wave: '👋',
};

const CODE = /:([a-z0-9_+-]+)(?:::skin-tone-\d)?:/g;

/** The text with known `:shortcodes:` turned into their emoji. */
export function withEmoji(text: string): string {
  return text.includes(':') ? text.replace(CODE, (whole, code: string) => EMOJI[code] ?? whole) : text;
}
