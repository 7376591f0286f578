// Text every store can hold as sent: a UTF-16 surrogate without its pair is no character and has no UTF-8
// spelling, so PostgreSQL refuses it (or a driver replaces it with U+FFFD).
const LONE_SURROGATE = /\p{Cs}/u;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

// Scripts that UTS #39 ("highly restrictive") lets a word mix with Latin: Japanese, Chinese and Korean writing.
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan',
  'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Khmer', 'Mongolian', 'Hiragana', 'Katakana', 'Bopomofo',
  'Han', 'Coptic',
].map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

const scriptOf = (character: string): string => SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0] ?? 'Other';

/**
 * True when the letters of `word` come from more than one script, beyond the mixes UTS #39 allows: `pаypal` with
 * a Cyrillic а looks like the Latin word and would pass for it. Digits, punctuation and combining marks count
 * for no script.
 */
export const mixesScripts = (word: string): boolean => {
  const scripts = new Set([...word].filter((character) => /\p{L}/u.test(character)).map(scriptOf));
  return scripts.size > 1 && !ALLOWED_MIXES.some((allowed) => [...scripts].every((script) => allowed.has(script)));
};

// Invisible in every font: a zero-width space, joiner or non-joiner, a word joiner, a BOM, a soft hyphen.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Text as compared for identity: NFC (é is one code point), without invisible characters, lower-cased, trimmed. */
export const identityText = (text: string): string => text.normalize('NFC').replace(INVISIBLE, '').trim().toLowerCase().normalize('NFC');
