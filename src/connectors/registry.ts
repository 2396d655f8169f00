import type { Connector } from './connector.js';
import { icsConnector } from './calendar/ics-connector.js';
import { discordConnector } from './discord/discord-connector.js';
import { slackConnector } from './slack/slack-connector.js';
import { teamsConnector } from './teams/teams-connector.js';

/** Every connector, in the order detection tries them. */
export const CONNECTORS: readonly Connector[] = [
  slackConnector,
  discordConnector,
  teamsConnector,
  icsConnector,
];
