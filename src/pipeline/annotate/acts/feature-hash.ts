/** 32-bit FNV-1a over UTF-16 code units, chained, with murmur3's finaliser before the bucket is taken. */

export const FNV_OFFSET = 0x811c9dc5;

export function hashCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function hashString(hash: number, text: string): number {
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}

/** FNV's low bits mix poorly; the finaliser spreads every input bit before masking. */
export function bucket(hash: number, mask: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) & mask;
}

/** The starting hash of a feature namespace ("u:" unigrams, "c:" character n-grams…). */
export function namespace(name: string): number {
  return hashString(FNV_OFFSET, `${name}\u001f`);
}
