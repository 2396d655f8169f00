import type { RosterComponent, RosterPerson } from './annotate-adapter.js';

/** Maps what a stage writes (person keys, entity ids or names, evidence) onto the truth's ids. */
export class Roster {
  private readonly people: { id: string; source: string; native: string; full: string }[] = [];
  private readonly personNames = new Map<string, string>();
  private readonly componentNames = new Map<string, string>();

  constructor(people: readonly RosterPerson[], components: readonly RosterComponent[]) {
    for (const person of people) {
      this.personNames.set(fold(person.id), person.id);
      this.personNames.set(fold(person.name), person.id);
      for (const identity of person.identities) {
        const colon = identity.indexOf(':');
        this.people.push({
          id: person.id,
          source: identity.slice(0, colon),
          native: identity.slice(colon + 1),
          full: identity,
        });
      }
    }
    for (const component of components) {
      this.componentNames.set(fold(component.id), component.id);
      for (const name of component.names) this.componentNames.set(fold(name), component.id);
    }
  }

  /** A person key (`slack:T1:U07`, `slack:U07`, an email, a name) to a truth person id, or undefined. */
  person(key: string | null | undefined): string | undefined {
    if (!key) return undefined;
    for (const known of this.people) {
      if (key === known.full) return known.id;
      if (key.startsWith(`${known.source}:`) && key.endsWith(`:${known.native}`)) return known.id;
      if (known.source === 'email' && fold(key) === fold(known.native)) return known.id;
    }
    return this.personNames.get(fold(key.replace(/^@/, '')));
  }

  component(value: string | null | undefined): string | undefined {
    if (!value) return undefined;
    return (
      this.componentNames.get(fold(value)) ??
      this.componentNames.get(fold(value.replace(/^(component|entity|project):/, '')))
    );
  }

  /** Every person and component id the roster knows (for the grounding share). */
  knows(value: string): boolean {
    return this.person(value) !== undefined || this.component(value) !== undefined;
  }
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
