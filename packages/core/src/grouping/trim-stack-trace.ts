// A stack frame line: Node (`    at fn (file.js:1:2)`), Java (`\tat com.x.Y.z(Y.java:12)`, `... 5 more`),
// Python (`  File "x.py", line 3`).
const FRAME_LINE = /^\s*(?:at\s|\.\.\.\s\d+\smore|File\s")/;
const PYTHON_TRACEBACK = /^\s*Traceback \(most recent call last\)/;
const MAX_MESSAGE_LINES = 3;

/**
 * The meaningful head of an error text: the lines before the first stack frame, at most three. A Python
 * traceback, whose message comes last, gives its last line instead.
 */
export const trimStackTrace = (text: string): string => {
  if (!text.includes("\n")) return text;
  const lines = text.split(/\r?\n/);
  if (PYTHON_TRACEBACK.test(lines[0] ?? "")) {
    return lines.findLast((line) => line.trim() !== "" && !FRAME_LINE.test(line)) ?? "";
  }
  const kept: string[] = [];
  for (const line of lines) {
    if (FRAME_LINE.test(line) || kept.length === MAX_MESSAGE_LINES) break;
    if (line.trim() !== "") kept.push(line);
  }
  return kept.join("\n");
};
