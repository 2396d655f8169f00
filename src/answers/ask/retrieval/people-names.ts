import type { AnnotatePerson } from '../../../pipeline/annotate/annotate-types.js';
import {
  PeopleResolver,
  casualFirstName,
  resolverNameIndex,
} from '../../../pipeline/annotate/people-resolver.js';
import type { Human, PeopleDirectory } from '../../people/people-directory.js';

/**
 * People as they are written in chat ("@Wen", "Tomás", "Shelby"), resolved to the directory's
 * humans (by human id). Built on the annotate stage's resolver, so a word is a name exactly when
 * the extractors read it as one: a full name or a first name, never an organisation in a display
 * name ("Shelby | Pinecrest" is Shelby, and "Pinecrest" is nobody). One per directory.
 */
export class PeopleNames {
  private readonly resolver: PeopleResolver;
  private casual: Set<string> | undefined;

  constructor(readonly directory: PeopleDirectory) {
    const kept = directory.keptChatNames();
    const { humans } = directory;
    this.resolver = kept
      ? new PeopleResolver([], '', (form) => kept(form)?.map((index) => humans[index].id))
      : new PeopleResolver(chatPeople(humans));
  }

  /** People named in a text, in order (a name written twice is there twice). */
  inText(text: string): Array<{ id: string; index: number; text: string }> {
    return this.resolver.namedIn(text).map((hit) => ({ id: hit.key, index: hit.index, text: hit.text }));
  }

  /** Whether a lower-case word is a first name chat writes lower-case ("lena"), not an everyday word ("mark"). */
  isCasualName(word: string): boolean {
    this.casual ??= new Set(
      this.directory.humans
        .filter((human) => !human.isBot)
        .map((human) => casualFirstName(human.name))
        .filter((first): first is string => first !== undefined),
    );
    return this.casual.has(word);
  }

  /** The human one word or name names; undefined when nobody or several. */
  resolve(name: string): string | undefined {
    return this.resolver.resolve(name);
  }

  /** The human id of a person key (every identity of one human has one). */
  idOf(key: string): string {
    return this.directory.idOf(key);
  }

  name(id: string): string {
    return this.directory.name(id);
  }
}

/** The forms chat text names the humans by (PeopleResolver's), each with their human ids, in order. */
export function chatNameIndex(humans: readonly Human[]): Map<string, string[]> {
  return resolverNameIndex(chatPeople(humans));
}

function chatPeople(humans: readonly Human[]): AnnotatePerson[] {
  return humans
    .filter((human) => !human.isBot)
    .map((human) => ({
      key: human.id,
      name: human.name,
      aliases: [...human.names, ...human.handles.map((handle) => handle.replace(/[._]+/g, ' '))],
    }));
}

const cache = new WeakMap<PeopleDirectory, PeopleNames>();

export function peopleNames(directory: PeopleDirectory): PeopleNames {
  let names = cache.get(directory);
  if (!names) cache.set(directory, (names = new PeopleNames(directory)));
  return names;
}
