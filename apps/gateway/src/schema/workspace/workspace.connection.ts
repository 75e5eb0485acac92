import { connectionOf } from "../common/connection.type.js";
import { WorkspaceType } from "./workspace.type.js";

/** A page of workspaces. */
export const WorkspaceConnection = connectionOf("Workspace", WorkspaceType);
