import { existsSync } from 'node:fs';
import { ChannelDirectory } from '../answers/channel-names.js';
import { PeopleDirectory } from '../answers/people/people-directory.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import type { AppContext } from './app-context.js';

/**
 * What shell completion offers for `--channel` and `--me`/`--for`/`--from`: the channels' names
 * (without `#`, which a shell reads as a comment) and each person's name and emails, from the
 * store. Nothing (and no store created) when there is no store yet.
 */
export function completionValues(ctx: AppContext, kind: 'channels' | 'people'): string[] {
  if (!existsSync(ctx.paths.database)) return [];
  const store = ctx.store();
  const values = new Set<string>();
  if (kind === 'channels') {
    for (const channel of ChannelDirectory.fromLog(store.log).channels.values())
      if (channel.kind === 'channel' || channel.kind === 'private')
        values.add(channel.name.replace(/^#/, ''));
  } else {
    for (const human of new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)).humans) {
      if (human.isBot) continue;
      values.add(human.name);
      for (const email of human.emails) values.add(email);
    }
  }
  return [...values].filter((value) => value.trim() !== '').sort((a, b) => a.localeCompare(b));
}
