/**
 * Free text a model writes (topic, summary, an item's wording) can smuggle in names that exist
 * nowhere in the conversation. A text passes when every name-like word in it appears in the input:
 * capitalised words, and words with digits, hyphens, colons or underscores (ids, service names).
 */
export class InputVocabulary {
  private readonly words = new Set<string>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) for (const word of wordsOf(text)) this.words.add(word.toLowerCase());
  }

  /**
   * The first word of `text` that the input never uses and that looks like a name, if any. A
   * capital at the start of a sentence and ALL-CAPS emphasis are not names; "Zebulon Quince" is.
   */
  foreignName(text: string): string | undefined {
    for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
      const words = wordsOf(sentence);
      const foreign = words.find((word, index) => looksLikeName(word, index === 0) && !this.has(word));
      if (foreign !== undefined) return foreign;
    }
    return undefined;
  }

  private has(word: string): boolean {
    const lower = word.toLowerCase();
    // "billing's", "invoices": the stem the input used is enough.
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

function looksLikeName(word: string, sentenceStart: boolean): boolean {
  if (/[\d_:-]/.test(word)) return true;
  return !sentenceStart && /^\p{Lu}\p{Ll}/u.test(word);
}
