import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** wink-nlp with its English lite model, loaded once (about 40 ms) on first use. */
let instance: ReturnType<typeof winkNLP> | undefined;
function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}

/** Chat text made readable for sentence rules: code blocks and quoted lines out, links to their labels. */
export function cleanText(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1')
    .replace(/(\S+) \((https?:[^)]+)\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`([^`]*)`/g, (_m, code: string) => code.replace(/[.()]/g, '_'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sentences of one message (wink-nlp's sentence boundaries, then splits on " — " and ";" clauses kept whole). */
export function sentences(text: string): string[] {
  const clean = cleanText(text);
  if (!clean) return [];
  return nlp()
    .readDoc(clean)
    .sentences()
    .out()
    .flatMap((sentence) => sentence.split(/\s[—–]\s|\s-\s/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Noun phrases (determiner-free runs of adjectives, nouns and proper nouns that end in a noun), in order. */
export function nounPhrases(text: string): string[] {
  const doc = nlp().readDoc(cleanText(text));
  const its = nlp().its;
  const tokens: { text: string; pos: string }[] = [];
  doc.tokens().each((token: { out(what?: unknown): unknown }) => {
    tokens.push({ text: token.out(its.normal) as string, pos: token.out(its.pos) as string });
  });
  const out: string[] = [];
  let run: { text: string; pos: string }[] = [];
  const flush = (): void => {
    while (run.length > 0 && !['NOUN', 'PROPN'].includes(run[run.length - 1].pos)) run.pop();
    if (run.length > 0) out.push(run.map((token) => token.text).join(' '));
    run = [];
  };
  for (const token of tokens) {
    if (['NOUN', 'PROPN', 'ADJ'].includes(token.pos) && /^[\p{L}][\p{L}\d.-]*$/u.test(token.text))
      run.push(token);
    else flush();
  }
  flush();
  return out;
}

/** The sentence cut to 280 characters on a word boundary. */
export function snippetOf(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
