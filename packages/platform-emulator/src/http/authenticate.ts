import type { ScenarioUser } from "../scenario/scenario.js";
import type { EmulatorState } from "../server/emulator-state.js";
import { ApiError } from "./api-error.js";

/** HTTP Basic with e-mail and API key, as on every platform call; 401 otherwise. */
export const authenticate = (state: EmulatorState, header: string | undefined): ScenarioUser => {
  if (header === undefined || header.trim() === "") {
    throw new ApiError(401, "No authorization header was provided.");
  }
  const match = /^Basic\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError(401, "The authorization header must use the Basic scheme.");
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const email = colon < 0 ? decoded : decoded.slice(0, colon);
  const apiKey = colon < 0 ? "" : decoded.slice(colon + 1);
  const user = state.usersByEmail.get(email.toLowerCase());
  if (!user || user.apiKey !== apiKey) throw new ApiError(401, "Invalid e-mail or API key.");
  return user;
};
