import { z } from 'zod';
import { SOURCES } from './closed-lists.js';

export { SOURCES };
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

/** What an input file or folder was detected as, from its content. */
export const FORMATS = ['slack-export', 'discord-json', 'teams-graph-json', 'ics'] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;
