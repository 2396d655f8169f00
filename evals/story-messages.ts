import type { Message, Story } from '../scripts/fixtures/story-model.js';
import type { StoryMessage } from './truth-to-datasets.js';

/** The story's messages as the eval datasets see them: native refs, author names, threads and replies. */
export function storyMessages(story: Story): StoryMessage[] {
  const ref = (m: Message): string => `${m.channel.source}:${m.channel.id}:${m.nativeId}`;
  return story.channels.flatMap((channel) =>
    channel.messages.map((m) => {
      const person = story.people.get(m.author);
      const names = [
        person?.name,
        person?.name.split(' ')[0],
        person?.slack?.handle,
        person?.slack?.display,
        person?.discord?.name,
        person?.discord?.nickname,
        person?.teams?.name,
      ].filter((n): n is string => !!n);
      const threaded = channel.source !== 'discord';
      return {
        ref: ref(m),
        source: channel.source,
        channel: channel.id,
        channelName: channel.name,
        id: m.nativeId,
        author: m.author,
        authorNames: [...new Set(names)],
        text: m.text,
        at: m.at,
        thread: threaded ? (m.root ? ref(m.root) : m.replies.length > 0 ? ref(m) : null) : null,
        replyTo: channel.source === 'slack' ? null : m.replyTo ? ref(m.replyTo) : null,
        bot: person?.bot === true,
      };
    }),
  );
}
