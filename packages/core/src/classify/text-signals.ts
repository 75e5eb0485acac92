import { DATA_AND_CODE_TEXTS } from "./data-and-code-signals.js";
import { INTEGRATION_TEXTS } from "./integration-signals.js";
import { PLATFORM_TEXTS } from "./platform-signals.js";
import { sig, type TextSignal } from "./text-signal.js";

export type { TextSignal } from "./text-signal.js";

/** Signals matched case-insensitively. */
export const TEXT_SIGNALS: readonly TextSignal[] = [
  ...PLATFORM_TEXTS,
  ...INTEGRATION_TEXTS,
  ...DATA_AND_CODE_TEXTS,
];

/** Signals whose case matters: JSONata error codes look like T2002, D3030, S0201. */
export const CASE_SENSITIVE_SIGNALS: readonly TextSignal[] = [
  sig(
    "jsonataCode",
    "MAPPING",
    86,
    "\\b[TDSU][0-3]\\d{3}(?=[\"':)\\],])",
    "(?:[Cc]ode|CODE)[:= \"']{0,3}[TDSU][0-3]\\d{3}\\b",
  ),
];
