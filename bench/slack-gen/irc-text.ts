/**
 * Message texts from real chat: the lines of the Ubuntu IRC disentanglement corpus (train split),
 * file by file in name order, then again from the start. A line that addresses a nick seen in the
 * same file (`bob: try this`, `bob, …`) addresses a workspace user instead, as a Slack mention
 * (`<@U…> try this`); the same nick always maps to the same user.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayStartFromName, parseIrcLog } from '../../src/eval/irc/irc-log.js';

/** Where the corpus lives beside the project. */
export function ircTrainDir(root = process.cwd()): string {
  return join(root, '..', 'shared', 'datasets', 'irc-disentanglement', 'train');
}

export function ircCorpusAvailable(dir = ircTrainDir()): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.ascii.txt'));
}

const ADDRESS = /^([^\s:,]{1,32})[:,]\s*/u;

export interface TextSource {
  /** The next message text; `userIds` are the workspace's user ids (addressed nicks map onto them). */
  next(userIds: readonly string[]): string;
}

/** Lines in corpus order, with addressing turned into mentions. Loads one file at a time. */
export class IrcTextSource implements TextSource {
  private readonly files: string[];
  private file = -1;
  private lines: string[] = [];
  private nicks = new Set<string>();
  private at = 0;
  private readonly userOfNick = new Map<string, number>();

  constructor(private readonly dir = ircTrainDir()) {
    this.files = readdirSync(dir)
      .filter((name) => name.endsWith('.ascii.txt'))
      .sort();
    if (this.files.length === 0) throw new Error(`no .ascii.txt files in ${dir}`);
  }

  next(userIds: readonly string[]): string {
    while (this.at >= this.lines.length) this.load();
    const text = this.lines[this.at++];
    const match = ADDRESS.exec(text);
    if (!match || !this.nicks.has(match[1])) return text;
    return `<@${userIds[this.userIndex(match[1], userIds.length)]}> ${text.slice(match[0].length)}`;
  }

  private userIndex(nick: string, users: number): number {
    let index = this.userOfNick.get(nick);
    if (index === undefined) {
      let hash = 2166136261;
      for (let k = 0; k < nick.length; k++) hash = Math.imul(hash ^ nick.charCodeAt(k), 16777619);
      index = (hash >>> 0) % users;
      this.userOfNick.set(nick, index);
    }
    return index;
  }

  private load(): void {
    this.file = (this.file + 1) % this.files.length;
    const name = this.files[this.file];
    const parsed = parseIrcLog(readFileSync(join(this.dir, name), 'utf8'), {
      dayStart: dayStartFromName(name),
    }).filter((line) => !line.system && line.text.trim().length > 0);
    this.nicks = new Set(parsed.flatMap((line) => line.authorNames));
    this.lines = parsed.map((line) => line.text);
    this.at = 0;
  }
}
