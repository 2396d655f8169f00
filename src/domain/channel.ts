import { z } from 'zod';
import { CHANNEL_KINDS } from './closed-lists.js';
import { Source } from './source.js';

export { CHANNEL_KINDS };

export const ChannelUpdated = z.object({
  /** `source:workspace:nativeId` */
  key: z.string(),
  source: Source,
  workspace: z.string(),
  nativeId: z.string(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  /** Person keys. */
  members: z.array(z.string()),
  topic: z.string().optional(),
  purpose: z.string().optional(),
  archived: z.boolean().optional(),
  /** True when the source gave no name and `name` was made from the id (Teams messages carry none). */
  nameFromId: z.boolean().optional(),
});
export type ChannelUpdated = z.infer<typeof ChannelUpdated>;

export { addChannel, foldChannel } from './channel-fold.js';
