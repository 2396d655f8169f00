import type { ConnectorOptions } from '../connectors/connector.js';
import type { Config } from './config.js';

/** What the connectors read from the config: the calendar window around `now`, the zone of floating times, Teams channel names. */
export function connectorOptions(config: Config, now: Date): ConnectorOptions {
  return {
    now,
    calendarPastDays: config.calendar.pastDays,
    calendarFutureDays: config.calendar.futureDays,
    calendarMaxOccurrences: config.calendar.maxOccurrences,
    defaultTimezone: config.timezone,
    ...(config.teams?.channels ? { teamsChannelNames: config.teams.channels } : {}),
  };
}
