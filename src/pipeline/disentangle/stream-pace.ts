/** How fast a stream moves, and the settings that follow from it. The scorer is trained on IRC, where lines come
 * several a minute and a quiet minute already hints at a new topic; team chat (Slack, Teams, Discord) moves in
 * minutes to hours, so read with IRC's sense of time it splits every pause into a new conversation. */
import type { ChatLine } from './types.js';

/** Streams whose median pause between consecutive lines is at least this long are read as team chat. IRC logs
 * (minute timestamps, busy channels) have a median pause of 0 s; the labelled team-chat channels 2 to 110 minutes. */
export const SLOW_PACE_SECONDS = 30;

/** For slow streams unless the caller sets its own: earlier lines more than this many minutes older are never an
 * antecedent unless a native thread or reply links them. The scorer's time features stop at a few hours, so without
 * a limit a post could join a conversation that went quiet days ago. IRC keeps no limit: its scorer was trained
 * with candidates (the author's own older lines) that can lie further back than an hour. */
export const TEAM_CHAT_MAX_GAP_MINUTES = 60;

/** Added to the new-conversation score of lines that name nobody, for slow streams unless the caller sets its own
 * (tuned on fixtures/workspace, see docs/readme/conversations-teams.md): in team chat most replies name nobody. */
export const TEAM_CHAT_UNADDRESSED_SHIFT = -4;

/** Median pause in seconds between consecutive non-system lines (time order); 0 when there are fewer than two. */
export function medianPauseSeconds(lines: readonly ChatLine[]): number {
  const pauses: number[] = [];
  let last = Number.NaN;
  for (const line of lines) {
    if (line.system) continue;
    if (!Number.isNaN(last)) pauses.push(Math.max(0, line.ts - last) / 1000);
    last = line.ts;
  }
  if (pauses.length === 0) return 0;
  pauses.sort((a, b) => a - b);
  return pauses[Math.floor(pauses.length / 2)];
}

/** The pace of a stream: 'chat' (team chat) when its median pause is at least SLOW_PACE_SECONDS, else 'irc'. */
export function streamPace(lines: readonly ChatLine[]): 'chat' | 'irc' {
  return medianPauseSeconds(lines) >= SLOW_PACE_SECONDS ? 'chat' : 'irc';
}
