/**
 * The tiny embedder's WordPiece vocabulary: the special tokens, letters and digits (alone and as
 * `##` continuations, so every lowercase ASCII word tokenizes without [UNK]), and a few hundred
 * words of team chat.
 */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const WORDS = `
the a an and or but to of in on at for with by from is are was were be been it this that these those
i you he she we they me him her us them my your our their who what when where why how which
yes no not do does did done can could will would should may might must have has had get got
ok okay thanks thank please sorry hi hello hey morning today tomorrow yesterday week weekend
monday tuesday wednesday thursday friday eod asap soon later now next last before after
owner owns own owned owning team lead manager engineer review reviewed merge merged pr ticket bug fix
fixed deploy deployed release rollback outage incident alert oncall pager prod staging test tests
billing payments invoice invoices api service services svc auth login database db migration schema
cache queue search frontend backend mobile web infra cluster server client build pipeline ci
decide decided decision agree agreed approve approved approval blocked blocker block waiting wait
question answer ask asked need needs want let lets sync meeting call standup retro plan roadmap
task action item items due deadline ship shipping launch launched feature flag config docs spec
move moved moving handover hand over take takes took from going gonna
alice bob carol dave erin frank grace heidi ivan judy mallory oscar peggy trent victor walter dana
`;

export function buildVocabulary(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const punctuation = '.,!?;:\'"()[]{}-_/@#$%&*+=<>'.split('');
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  const add = (token: string): void => {
    if (seen.has(token)) return;
    seen.add(token);
    vocabulary.push(token);
  };
  for (const token of SPECIAL_TOKENS) add(token);
  for (const token of punctuation) add(token);
  for (const letter of letters) add(letter);
  for (const letter of letters) add(`##${letter}`);
  for (const word of WORDS.split(/\s+/)) if (/^[a-z]+$/.test(word)) add(word);
  return vocabulary;
}
