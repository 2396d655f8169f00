import type { ToolCalls } from './tools.js';

/** The resources `outro mcp` offers: markdown an assistant can read whole. */
export interface OutroResource {
  name: string;
  uri: string;
  title: string;
  description: string;
  read(calls: ToolCalls): Promise<string>;
}

export const RESOURCES: readonly OutroResource[] = [
  {
    name: 'latest-digest',
    uri: 'outro://digest/latest',
    title: 'Latest digest',
    description:
      'The newest scheduled digest (the brief as a markdown file with YAML front matter), as `outro digest` or the daemon wrote it.',
    async read(calls) {
      const latest = await calls.app('digest.latest', {});
      if (!latest)
        throw new Error(
          'No digest has been written yet: run `outro digest`, or let the daemon write it on its schedule (config `digest.schedule`).',
        );
      return latest.markdown;
    },
  },
  {
    name: 'brief',
    uri: 'outro://brief',
    title: 'Brief',
    description:
      'The brief as markdown: what happened since the last brief the user saw (else the last 24 h), led by what waits on them. Reading it does not mark it as seen.',
    async read(calls) {
      const brief = await calls.app('brief', { peek: true });
      return (await import('../../answers/brief/render-markdown.js')).renderBriefMarkdown(brief);
    },
  },
];
