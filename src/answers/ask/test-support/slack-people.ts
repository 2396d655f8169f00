import type { PersonUpdated } from '../../../domain/person.js';

/** The person key of a Slack user of the test workspace T1. */
export const slackKey = (id: string): string => `slack:T1:${id}`;

/** A Slack profile in workspace T1 whose handle is the first name, lower-cased. */
export function slackProfile(id: string, name: string): PersonUpdated {
  return {
    key: slackKey(id),
    source: 'slack',
    workspace: 'T1',
    nativeId: id,
    names: [name],
    handles: [name.split(' ')[0].toLowerCase()],
    emails: [],
    isBot: false,
  };
}
