/** Characters scanned from the start of a long text. */
export const HEAD_CHARS = 12_288;
/** Characters scanned from the end of a long text, where wrapped causes and last log lines sit. */
export const TAIL_CHARS = 4_096;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, "g");
const SEARCH_MARK = /<\/?em>/gi;
/** Log level names, as loggers print them before a line (lower case; upper-cased where a logger does). */
export const LEVEL_NAMES = "error|warn|warning|info|debug|trace|fatal";
/** A level name a console coloured at the start of a line: a log level, however it is cased. */
const COLOURED_LEVEL = new RegExp(
  `^([ \\t]*)${String.fromCharCode(27)}\\[[0-9;]*m(${LEVEL_NAMES})${String.fromCharCode(27)}\\[[0-9;]*m`,
  "gim",
);
const SEARCH_MARK_ONCE = /<\/?em>/i;
/** Whether there is any noise at all: most texts have none, and a plain search for one character finds out fastest. */
const hasNoise = (text: string): boolean =>
  text.includes("\u001b") || (text.includes("<") && SEARCH_MARK_ONCE.test(text));

/**
 * The part of a text worth scanning, without noise: a bounded head and tail of huge inputs, ANSI colour codes
 * removed (a coloured level name upper-cased, so it reads as the log prefix it is), and the `<em>` marks the logs API
 * wraps around search hits taken out so words match again.
 */
export const scanWindow = (text: string): string => {
  let window =
    text.length <= HEAD_CHARS + TAIL_CHARS
      ? text
      : `${text.slice(0, HEAD_CHARS)}\n${text.slice(-TAIL_CHARS)}`;
  if (!hasNoise(window)) return window;
  if (window.includes("\u001b"))
    window = window
      .replace(COLOURED_LEVEL, (_, indent: string, level: string) => `${indent}${level.toUpperCase()}`)
      .replace(ANSI, "");
  return window.replace(SEARCH_MARK, "");
};
