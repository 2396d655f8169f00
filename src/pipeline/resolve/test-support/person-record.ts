import type { PersonUpdated } from '../../../domain/person.js';

/** A person record from a `source:workspace:nativeId` key and display names; `extra` overrides the rest. */
export function person(key: string, names: string[], extra: Partial<PersonUpdated> = {}): PersonUpdated {
  const [source, workspace, ...rest] = key.split(':');
  return {
    key,
    source: source as PersonUpdated['source'],
    workspace,
    nativeId: rest.join(':'),
    names,
    handles: [],
    emails: [],
    isBot: false,
    ...extra,
  };
}
