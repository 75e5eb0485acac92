import { connectionOf } from "../common/connection.type.js";
import { FlowType } from "./flow.type.js";

/** A page of flows. */
export const FlowConnection = connectionOf("Flow", FlowType);
