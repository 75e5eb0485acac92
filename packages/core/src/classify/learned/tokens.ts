/**
 * The features the learned model reads from an error text: normalised word unigrams and bigrams, plus character
 * bigrams of scripts written without spaces. Training (`accuracy/learn.ts`) and prediction share this function, so
 * what the model was trained on is exactly what it sees.
 *
 * Normalisation: camelCase split into words ("userRateLimitExceeded" → "user rate limit exceeded"), lower case,
 * URLs reduced to their host and `_url_`, paths of two or more segments (resources and files they name are not what failed) to `_path_`, e-mails to `_email_`, UUIDs and long hex ids to `_id_`, numbers to
 * `_num_` (a run of them to one), dates and times to `_time_`, except three-digit HTTP statuses 4xx/5xx, which are signal and stay as they are;
 * the name of a setting given a number ("timeout: 30000") to `_setting_`.
 */

/** At most this many words are read: the head of a long text says what failed. */
export const MAX_WORDS = 320;
/** Longer words are tokens, base64 or hashes: one placeholder for all. */
const MAX_WORD_LENGTH = 32;

const CAMEL = /([a-z])([A-Z])/g;
const HAS_CAMEL = /[a-z][A-Z]/;
const VARIABLE_PARTS =
  /\b\d{4}-\d\d-\d\d(?:[t ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?|\b\d\d?:\d\d:\d\d(?:[.,]\d+)?|https?:\/\/([^\s/"'<>()[\]{}\\]+)[^\s"'<>()[\]{}\\]*|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|(?<![\w.:/-])(?:\/[\w.~%@-]+){2,}\/?/g;
const WORD = /[a-z0-9_\u00c0-\uffff]+/g;
/** What follows a setting's name: `: 30000`, `=3`, `": 5000`. */
const NUMERIC_VALUE = /["']?\s*[:=]\s*["']?(\d+)(?![\w.])/y;
const DIGITS = /^\d+$/;
const HEX_ID = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}$/;
const HTTP_ERROR_STATUS = /^[45]\d\d$/;
/** Letters of scripts that do not separate words with spaces (CJK, kana, Hangul). */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

const replaceVariable = (match: string, host: string | undefined): string => {
  if (host !== undefined) return ` ${host} _url_ `;
  if (match.startsWith("/")) return " _path_ ";
  if (match.includes("@")) return " _email_ ";
  return match.includes(":") || match.length === 10 ? " _time_ " : " _id_ ";
};

/**
 * Whether the word just read names a setting: it is given a number that is not an HTTP error status
 * ("timeout: 30000", "retries=3", but not "status: 503"). A setting's name says what was configured, not what failed.
 */
const namesSetting = (lower: string, end: number): boolean => {
  NUMERIC_VALUE.lastIndex = end;
  const value = NUMERIC_VALUE.exec(lower);
  return value !== null && !HTTP_ERROR_STATUS.test(value[1] as string);
};

const normalWord = (word: string): string => {
  if (DIGITS.test(word)) return HTTP_ERROR_STATUS.test(word) ? word : "_num_";
  if (word.length > MAX_WORD_LENGTH) return "_long_";
  if (word.length >= 8 && HEX_ID.test(word)) return "_id_";
  return word;
};

/** The text as the model's words, in order, at most `MAX_WORDS`. */
export const learnedWords = (text: string): string[] => {
  const split = HAS_CAMEL.test(text) ? text.replace(CAMEL, "$1 $2") : text;
  const lower = split.toLowerCase().replace(VARIABLE_PARTS, replaceVariable);
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match !== null && words.length < MAX_WORDS; match = WORD.exec(lower)) {
    const word =
      DIGITS.test(match[0]) || !namesSetting(lower, WORD.lastIndex) ? normalWord(match[0]) : "_setting_";
    // A run of the same placeholder ("_num_ _num_ _num_") is one: how many numbers a text has says nothing.
    if (word.startsWith("_") && words[words.length - 1] === word) continue;
    words.push(word);
  }
  return words;
};

/** What `visitLearnedFeatures` reports, in text order. */
export interface FeatureVisitor {
  /** The next word; `alone` is false for a bare HTTP status, which counts only next to its neighbour. */
  word(word: string, alone: boolean): void;
  /** The word just visited and the one before it, as a pair. */
  pair(previous: string, word: string): void;
  /** A pair of characters of a script written without spaces (`#` and the two characters). */
  characters(pair: string): void;
}

/**
 * The features of a text, each possibly more than once: words (but not a bare HTTP status alone, as "Order 401
 * processed" is ambiguous while "status 401" is not), adjacent word pairs, and character pairs of scripts written
 * without spaces. Training reads them as strings (`learnedFeatures`); prediction looks them up without building any.
 */
export const visitLearnedFeatures = (text: string, visitor: FeatureVisitor): void => {
  let previous: string | undefined;
  for (const word of learnedWords(text)) {
    visitor.word(word, !HTTP_ERROR_STATUS.test(word));
    if (previous !== undefined) visitor.pair(previous, word);
    previous = word;
    if (word.length > 1 && UNSPACED.test(word))
      for (let index = 0; index + 1 < word.length; index += 1)
        visitor.characters(`#${word.slice(index, index + 2)}`);
  }
};

/** The distinct features of a text as strings: a word, "previous word", `#` and two characters. */
export const learnedFeatures = (text: string): string[] => {
  const features = new Set<string>();
  visitLearnedFeatures(text, {
    word: (word, alone) => {
      if (alone) features.add(word);
    },
    pair: (previous, word) => features.add(`${previous} ${word}`),
    characters: (pair) => features.add(pair),
  });
  return [...features];
};
