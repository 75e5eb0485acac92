import type { Cause, FlowStatus, FlowType } from "@flowdoctor/core";
import type { ScenarioQueueStatFile } from "../scenario/scenario-file.js";

/** One step of a demo flow. Info lines may use `{n}` (a count), `{id}` (8 hex), `{ms}` (a duration). */
export interface DemoStep {
  readonly id: string;
  /** Key of a demo component. */
  readonly component: string;
  readonly fn: string;
  readonly name: string;
  readonly info: readonly string[];
  /** JSONata mapper on the edge into this step. */
  readonly mapper?: Readonly<Record<string, string>>;
  readonly credential?: string;
  readonly sample?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  /** The component version the step is pinned to (1–3, see `demoComponentVersion`). @default "latest" */
  readonly version?: number;
}

/** A version published `hoursAgo`; before it the flow had the steps `before`. */
export interface DemoVersionChange {
  readonly hoursAgo: number;
  readonly before: readonly DemoStep[];
}

/** A recurring problem: from `sinceHours` ago (until `untilHours` ago), a share of executions fail at the step. */
export interface DemoProblem {
  readonly cause: Cause;
  readonly stepId: string;
  readonly messages: readonly string[];
  readonly sinceHours: number;
  readonly untilHours?: number;
  /** Share of executions in the window that fail here, 0–1. */
  readonly rate: number;
  /** @default 50 */
  readonly level?: 50 | 60;
  /** Info lines logged at the step before the error (e.g. rebounds). */
  readonly before?: readonly string[];
  /** Warn lines logged at the step before the error. */
  readonly warnings?: readonly string[];
}

/** A container exit of a demo flow's step, hours before now. */
export interface DemoContainerExit {
  readonly stepId: string;
  readonly hoursAgo: number;
  readonly state: "Finished" | "Killed" | "Failed";
  readonly exitCode: number;
  readonly reason: string;
}

/** A demo flow: its steps, schedule, state and the problems its history shows. */
export interface DemoFlowSpec {
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly workspace: string;
  readonly author: string;
  readonly type?: FlowType;
  readonly status: FlowStatus;
  readonly currentStatus?: string;
  /** Minutes between executions. */
  readonly everyMinutes: number;
  /** How far back the history goes. */
  readonly historyHours: number;
  /** The last execution is this many hours ago (a stopped or suspended flow). @default 0 */
  readonly quietHours?: number;
  readonly lastStartHoursAgo?: number;
  readonly createdDaysAgo: number;
  readonly steps: readonly DemoStep[];
  readonly problems?: readonly DemoProblem[];
  readonly queueStats?: readonly ScenarioQueueStatFile[];
  /** Runtime settings per step, over the default `{ prefetch: 1, log_level: "info" }`. */
  readonly nodesConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly containerExits?: readonly DemoContainerExit[];
  /** Versions published recently, oldest first, each with the steps it replaced. @default three versions, same graph */
  readonly changes?: readonly DemoVersionChange[];
  /** Causes shown without failing executions (flow state, queue stats, contract, workspace). */
  readonly stateCauses?: readonly { readonly cause: Cause; readonly stepId?: string }[];
}
