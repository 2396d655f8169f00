import { z } from 'zod';
import { Source } from './source.js';

export const CHANNEL_KINDS = ['channel', 'private', 'dm', 'group_dm', 'meeting_chat'] as const;

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
});
export type ChannelUpdated = z.infer<typeof ChannelUpdated>;
