import type { ItemsResult } from '../answers/items/items-types.js';
import type { AppContext } from './app-context.js';
import type { ItemsInput } from './operation-inputs.js';

/**
 * `outro items`: decisions, action items and questions as a list to work from, filtered by kind,
 * person, state, window and channel; each with its history and cited messages. Read from the
 * event log with the reader's time zone (config `timezone`).
 */
export async function items(ctx: AppContext, input: ItemsInput): Promise<ItemsResult> {
  const { listItems } = await import('../answers/items/list-items.js');
  return listItems(ctx.store(), {
    kinds: input.kinds,
    for: input.for,
    state: input.state,
    since: input.since,
    until: input.until,
    channel: input.channel,
    now: ctx.now(),
    timezone: ctx.config().timezone,
  });
}
