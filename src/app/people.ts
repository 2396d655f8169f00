import type { PeopleResult } from '../answers/people/people-types.js';
import type { AppContext } from './app-context.js';
import type { PeopleInput } from './operation-inputs.js';

/**
 * `outro people`: the humans outro sees, one per human by the grouping every command uses, or one
 * of them with its identities and links; the config's `people:` entries not yet applied are shown
 * as pending.
 */
export async function people(ctx: AppContext, input: PeopleInput): Promise<PeopleResult> {
  const { listPeople } = await import('../answers/people/list-people.js');
  return listPeople(ctx.store().db, {
    who: input.who,
    bots: input.bots,
    aliases: ctx.config().people,
    configFile: ctx.paths.configFile,
  });
}
