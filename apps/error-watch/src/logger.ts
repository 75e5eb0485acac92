/** Where the watch says what it did: one structured line per action. */
export interface WatchLogger {
  info(fields: Readonly<Record<string, unknown>>, message: string): void;
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/** A logger writing one JSON object per line (`time`, `level`, `msg`, fields) to `write`. */
export const createJsonLogger = (
  write: (line: string) => void = (line) => process.stdout.write(line),
): WatchLogger => {
  const log = (level: string) => (fields: Readonly<Record<string, unknown>>, message: string) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  };
  return { info: log("info"), warn: log("warn") };
};
