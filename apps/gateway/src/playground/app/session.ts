import { createContext, useContext } from "react";

/** Who the console acts as: the Authorization header every request carries, and who that is. */
export interface Session {
  readonly authorization: string | undefined;
  readonly email: string | undefined;
  readonly name: string | undefined;
}

/** No credentials yet. */
export const SIGNED_OUT: Session = { authorization: undefined, email: undefined, name: undefined };

/** The session of the console; credentials stay in memory only. */
export const SessionContext = createContext<Session>(SIGNED_OUT);

/** The current session. */
export const useSession = (): Session => useContext(SessionContext);
