/**
 * How people are written in exports, read into parts that can be compared across sources:
 * "Tess | Acme", "Lou (Acme Support)", "Okoro, Teresa", `Teresa "Tess" Okoro`,
 * "Tess Okoro (External)", "Inês – Serra Alta". Pure; every comparison form is folded (lower
 * case, accents removed: Inês = ines).
 */
export interface NameParts {
  /** The text as written. */
  raw: string;
  /** Folded person-name words in given-name-first order; empty for a role, org or handle. */
  words: string[];
  first?: string;
  /** The last word; one letter for an initial ("Priya K"). */
  last?: string;
  /** A quoted or bracketed nickname, folded (`Teresa "Tess" Okoro` → "tess"). */
  nickname?: string;
  /** The org from the decoration, as written ("Acme Support", "Cedar Valley"). */
  org?: string;
  /** Written "Last, First". */
  reversed: boolean;
  /** Marked (External) or (Guest). */
  external: boolean;
  /** One login-style token ("tess.okoro", "yunli_dev", "lena"): read it with handleSegments. */
  handleLike: boolean;
}

/** Words that name a role, a team or a status, never a person ("Support | Acme", "Tess (OOO)"). */
const ROLE_WORDS = new Set(
  'admin admins accounts alerts assistant billing bot bots contact crew customer customers desk dev devs devops engineering finance general group hello help helpdesk hr info it legal marketing noreply notifications office ops operations reception sales security service services success support team the and of on leave ooo pto away afk vacation holiday busy dnd remote wfh'.split(
    ' ',
  ),
);
const STATUS =
  /\s*[([]\s*(?:external|guest|extern|ext\.?|gast|ooo|pto|away|afk|on leave|vacation|holiday|busy|dnd|remote|wfh)\s*[)\]]\s*/giu;
const EXTERNAL_MARK = /[([]\s*(?:external|guest|extern|ext\.?|gast)\s*[)\]]/iu;
const PRONOUNS = /\s*[([]\s*(?:she|he|they|ze|xe|her|him|them)(?:\s*\/\s*\p{L}+){1,2}\s*[)\]]\s*/giu;
const DOUBLE_QUOTED = /\s*["“”„«»]([^"“”„«»]+)["“”„«»]\s*/u;
const SINGLE_QUOTED = /(^|\s)['‘]([^'’]+)['’](?=\s|$)/u;
const MIDDLE_PAREN = /\s\(([^()]+)\)\s(?=\S)/u;
const TRAILING_BRACKET = /\s*[([]([^()[\]]*)[)\]]\s*$/u;
/** Between a person and an org: "|", " @ ", en/em dash, a spaced hyphen, a spaced slash or dot. */
const SEPARATOR = /\s*\|\s*|\s+@\s*|\s*[–—]\s*|\s+-\s+|\s+\/\s+|\s+·\s+/u;
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir']);
const CREDENTIALS = new Set(['phd', 'md', 'mba', 'jr', 'sr', 'ii', 'iii', 'iv', 'cpa', 'esq', 'pe']);
const FREE_MAIL = new Set(
  'gmail googlemail outlook hotmail live msn yahoo ymail icloud me mac proton protonmail pm aol gmx web mail yandex fastmail hey zoho qq 163 126'.split(
    ' ',
  ),
);
/** Words an org name carries that say nothing about which org it is. */
const ORG_SUFFIXES = new Set([
  'inc',
  'ltd',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'co',
  'corp',
  'company',
  'hq',
  'labs',
]);

/** Lower case with accents and ligatures folded: "Inês" → "ines", "Øster" → "oster". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .toLocaleLowerCase('en');
}

/** Reads a display name into its parts (see NameParts). */
export function parseName(raw: string): NameParts {
  const parts: NameParts = {
    raw,
    words: [],
    reversed: false,
    external: EXTERNAL_MARK.test(raw),
    handleLike: false,
  };
  let text = raw
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(STATUS, ' ')
    .replace(PRONOUNS, ' ')
    .trim();
  const quoted = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
  if (quoted) {
    parts.nickname = foldWord(quoted[quoted.length - 1].trim().split(' ')[0]);
    text = `${text.slice(0, quoted.index)} ${text.slice(quoted.index + quoted[0].length)}`.trim();
  }
  const middle = MIDDLE_PAREN.exec(text);
  if (middle && !middle[1].includes(' ')) {
    parts.nickname ??= foldWord(middle[1]);
    text = `${text.slice(0, middle.index)} ${text.slice(middle.index + middle[0].length)}`.trim();
  }
  const trailing = TRAILING_BRACKET.exec(text);
  if (trailing && trailing.index > 0) {
    if (trailing[1].trim()) parts.org = trailing[1].trim();
    text = text.slice(0, trailing.index).trim();
  }
  const separator = SEPARATOR.exec(text);
  if (separator && separator.index > 0) {
    const org = text.slice(separator.index + separator[0].length).trim();
    if (org) parts.org ??= org;
    text = text.slice(0, separator.index).trim();
  }
  const token = /^@?(\S+)$/u.exec(text);
  if (token && (!/^\p{L}[\p{L}'’-]*$/u.test(token[1]) || token[1] === token[1].toLowerCase())) {
    parts.handleLike = true;
    return finish(parts, /^\p{Ll}+$/u.test(token[1]) ? [fold(token[1])] : []);
  }
  let pieces = text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece && !CREDENTIALS.has(foldWord(piece)));
  if (pieces.length === 2) {
    parts.reversed = true;
    pieces = [pieces[1], pieces[0]];
  }
  const words = pieces
    .join(' ')
    .split(' ')
    .map(foldWord)
    .filter((word) => word && !TITLES.has(word) && !CREDENTIALS.has(word));
  return finish(
    parts,
    words.length > 4 || words.some((word) => !/^\p{L}[\p{L}-]*$/u.test(word)) ? [] : words,
  );
}

/** Keeps the words when they name a person (no role or team word: "Acme Support Team"), and sets first and last. */
function finish(parts: NameParts, words: string[]): NameParts {
  if (parts.nickname !== undefined && !/^\p{L}[\p{L}-]+$/u.test(parts.nickname)) delete parts.nickname;
  if (words.length === 0 || words.some((word) => ROLE_WORDS.has(word))) return parts;
  parts.words = words;
  parts.first = words[0];
  if (words.length > 1) parts.last = words[words.length - 1];
  return parts;
}

function foldWord(word: string): string {
  return fold(word).replace(/['’`]/g, '').replace(/\.$/, '');
}

/** "first last" when both are at least two letters: the form full names are compared by. */
export function fullKey(parts: NameParts): string | undefined {
  return parts.first && parts.last && parts.first.length > 1 && parts.last.length > 1
    ? `${parts.first} ${parts.last}`
    : undefined;
}

/** A handle's letter runs, folded: "tess.okoro" → [tess, okoro], "@yunli_dev#0042" → [yunli, dev]. */
export function handleSegments(handle: string): string[] {
  return fold(handle.replace(/^@/, '').replace(/#\d+$/, ''))
    .split(/[^a-z]+/)
    .filter((segment) => segment.length > 0);
}

export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word);
}

/** Comparable keys of an org name: "Cedar Valley" → [cedarvalley, cedar, valley]; "Acme Support" → [acme]. */
export function orgKeys(org: string): string[] {
  const words = fold(org)
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !ROLE_WORDS.has(word) && !ORG_SUFFIXES.has(word));
  if (words.length === 0) return [];
  const compact = words.join('');
  return [...new Set([compact, ...words.filter((word) => word.length >= 3)])];
}

/** The org an email address belongs to ("tess@mail.acme.io" → acme), none for free mail. */
export function emailOrg(email: string): string | undefined {
  const domain = normalizeEmail(email).split('@')[1];
  if (!domain) return undefined;
  const labels = domain.split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  const secondLevel =
    labels.length >= 3 &&
    labels[labels.length - 1].length === 2 &&
    ['co', 'com', 'org', 'net', 'ac', 'gov', 'edu'].includes(labels[labels.length - 2]);
  const label = labels[labels.length - (secondLevel ? 3 : 2)];
  return FREE_MAIL.has(label) ? undefined : label;
}

/** Two sets of org keys name the same org: equal, or one a prefix of the other ("acme" / "acmecorp"). */
export function orgsMeet(a: Iterable<string>, b: ReadonlySet<string> | readonly string[]): boolean {
  for (const x of a) {
    if (Array.isArray(b) ? b.includes(x) : (b as ReadonlySet<string>).has(x)) return true;
    for (const y of b) {
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      if (short.length >= 4 && long.startsWith(short)) return true;
    }
  }
  return false;
}

export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function normalizeEmail(email: string): string {
  return email
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
}
