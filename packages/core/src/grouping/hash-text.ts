const hex8 = (value: number): string => (value >>> 0).toString(16).padStart(8, "0");

/**
 * A 64-bit non-cryptographic hash of a text as 16 hex digits (two 32-bit multiply-xorshift lanes, after
 * cyrb53). Stable across runs, platforms and releases: fingerprints are stored and compared.
 */
export const hashText = (text: string): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
};
