/** Reads an IRC log in the Kummerfeld et al. (2019) `.ascii.txt` form into ChatLines (id = 0-based line number). */
import type { ChatLine } from '../../pipeline/disentangle/types.js';

const MESSAGE =
  /^\[(\d{1,2}):(\d{2})\]\s+(?:<([^>\s]*)>|\*\s+(\S+)|-([^:\s]+):\S*-|\(([^/\s)]+)\/[^)]*\))\s?(.*)$/u;
const SYSTEM =
  /^===\s+(\S+)\s+(?:\[[^\]]*\]\s+)?(has joined|has left|has quit|is now known as|was kicked|sets mode|changes topic|has changed the topic)/u;
const NETSPLIT = /^===\s+\S+\s+->\s+\S+/u;
const AWAY_SUFFIX =
  /[|_\-^`]+(away|afk|work|home|laptop|mobile|zzz|sleep|busy|off|lunch|out|food|eating|brb|gone)$/iu;
const DAY = 24 * 60;

export interface IrcLogOptions {
  /** Epoch ms of the log's first day at 00:00 (default: from a YYYY-MM-DD file name, else 0). */
  dayStart?: number;
}

/** The day a file name like `2005-07-06_14.ascii.txt` names, as epoch ms (0 when none). */
export function dayStartFromName(name: string): number {
  const match = /(\d{4})-(\d{2})-(\d{2})/u.exec(name);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : 0;
}

/** The names an IRC nick may be called by: itself and without an away suffix (`bob|away` → `bob`). */
export function nickNames(nick: string): string[] {
  const bare = nick.replace(AWAY_SUFFIX, '');
  return bare && bare !== nick ? [nick, bare] : [nick];
}

export function parseIrcLog(text: string, options: IrcLogOptions = {}): ChatLine[] {
  const raw = text.split(/\r?\n/u);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const dayStart = options.dayStart ?? 0;
  const canonical = new Map<string, string>();
  const who = (nick: string): string => canonical.get(nick) ?? nick;
  let minute = 0;
  let seen = false;
  const out: ChatLine[] = [];

  raw.forEach((line, k) => {
    const id = String(k);
    const message = MESSAGE.exec(line);
    if (message) {
      const at = Number(message[1]) * 60 + Number(message[2]);
      const inDay = ((minute % DAY) + DAY) % DAY;
      if (!seen) minute = at;
      else if (at < inDay - DAY / 2) minute += DAY - inDay + at;
      else if (at > inDay) minute += at - inDay;
      seen = true;
      const nick = message[3] || message[4] || message[5] || message[6] || '';
      out.push({
        id,
        author: who(nick),
        authorNames: nickNames(nick),
        text: message[7] ?? '',
        ts: dayStart + minute * 60000,
      });
      return;
    }
    const ts = dayStart + minute * 60000;
    const system = SYSTEM.exec(line);
    if (system) {
      const nick = system[1];
      if (system[2] === 'is now known as') {
        const next = /is now known as\s+(\S+)/u.exec(line)?.[1];
        if (next && next !== nick) canonical.set(next, who(nick));
      }
      out.push({ id, author: who(nick), authorNames: nickNames(nick), text: line, ts, system: true });
      return;
    }
    const tokens = line.split(/\s+/u);
    if (tokens[0] === '===' && tokens[1] && !NETSPLIT.test(line)) {
      // `=== nick does something`: an action (/me) in older logs.
      const nick = tokens[1];
      out.push({ id, author: who(nick), authorNames: nickNames(nick), text: tokens.slice(2).join(' '), ts });
      return;
    }
    out.push({ id, author: tokens[1] ?? '', authorNames: [], text: line, ts, system: true });
  });
  return out;
}
