import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * grounded-text's InputVocabulary lets a capitalised word at the start of a sentence pass (it
 * cannot tell "Marcus signs off" from "The team agreed"). Brief summaries often start with a
 * name, so here a sentence-initial word the input never uses is foreign when the tagger reads it
 * as a noun or proper noun. Conservative on purpose: "Team agreed…" is rejected too, and the
 * extractive summary is shown instead.
 */
let instance: ReturnType<typeof winkNLP> | undefined;
function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}

const NAME_TAGS = new Set(['PROPN', 'NOUN', 'X']);

export class SentenceStarts {
  private readonly words = new Set<string>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) for (const word of wordsOf(text)) this.words.add(word.toLowerCase());
  }

  /** The first sentence-initial word of `text` that looks like a name the input does not hold. */
  foreignName(text: string): string | undefined {
    for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
      const first = wordsOf(sentence)[0];
      if (first === undefined || !/^\p{Lu}/u.test(first) || this.has(first)) continue;
      const tag = nlp().readDoc(sentence).tokens().out(nlp().its.pos)[0];
      if (NAME_TAGS.has(tag)) return first;
    }
    return undefined;
  }

  private has(word: string): boolean {
    const lower = word.toLowerCase();
    return (
      this.words.has(lower) ||
      this.words.has(lower.replace(/'s$/, '')) ||
      this.words.has(lower.replace(/s$/, ''))
    );
  }
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'_:.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}
