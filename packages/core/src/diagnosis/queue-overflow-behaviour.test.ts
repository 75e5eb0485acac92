import { describe, expect, it } from "vitest";
import type { Component, ComponentVersion, Flow } from "../model/platform.js";
import { makeFlow } from "../testing/diagnosis-fixtures.js";
import { flowQueueBehaviour, runtimeBehaviour } from "./queue-overflow-behaviour.js";

const version = (
  language: "nodejs" | "java" | undefined,
  sailorVersion: string | undefined,
): ComponentVersion => ({
  id: "a".repeat(40),
  componentId: "5f0c2b1a9d3e4f0012345678",
  versionNumber: 3,
  date: "2026-10-01T00:00:00.000Z",
  ...(language ? { language } : {}),
  ...(sailorVersion ? { sailorVersion } : {}),
});

const component = (latestVersion: ComponentVersion): Component => ({
  id: latestVersion.componentId,
  name: "rest",
  teamName: "elasticio",
  access: "global",
  latestVersion,
});

describe("runtimeBehaviour", () => {
  it("throttles from Node.js sailor 2.6.7 and Java sailor 3.1.0 on, suspends before, and is unknown without facts", () => {
    expect(runtimeBehaviour(version("nodejs", "2.6.7"))).toBe("throttles");
    expect(runtimeBehaviour(version("nodejs", "2.10.0"))).toBe("throttles");
    expect(runtimeBehaviour(version("nodejs", "2.6.6"))).toBe("suspends");
    expect(runtimeBehaviour(version("java", "3.1.0"))).toBe("throttles");
    expect(runtimeBehaviour(version("java", "3.0.9"))).toBe("suspends");
    expect(runtimeBehaviour(version("nodejs", "next"))).toBe("unknown");
    expect(runtimeBehaviour(version(undefined, "2.7.0"))).toBe("unknown");
    expect(runtimeBehaviour(undefined)).toBe("unknown");
  });
});

describe("flowQueueBehaviour", () => {
  const withCommands = (...commands: string[]): Flow => {
    const flow = makeFlow();
    return {
      ...flow,
      graph: {
        ...flow.graph,
        nodes: flow.graph.nodes.map((node, index) => ({ ...node, command: commands[index] ?? node.command })),
      },
    };
  };
  const load = (sailor: string) => async () => component(version("nodejs", sailor));

  it("throttles only when every step runs a latest version with dynamic flow control", async () => {
    expect(await flowQueueBehaviour(makeFlow(), load("2.7.8"))).toBe("throttles");
    expect(await flowQueueBehaviour(makeFlow(), load("2.6.0"))).toBe("suspends");
  });

  it("is unknown for a step pinned to an older build, an unreadable component or no way to read one", async () => {
    const pinned = withCommands("elasticio/rest:get@1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c");
    expect(await flowQueueBehaviour(pinned, load("2.7.8"))).toBe("unknown");
    expect(await flowQueueBehaviour(makeFlow(), () => Promise.reject(new Error("down")))).toBe("unknown");
    expect(await flowQueueBehaviour(makeFlow(), undefined)).toBe("unknown");
  });

  it("suspends as soon as one step's library is older, whatever the others", async () => {
    const mixed = async (id: string) =>
      component({ ...version("nodejs", id.endsWith("1") ? "2.5.0" : "2.7.8"), componentId: id });
    const flow = makeFlow();
    const steps = flow.graph.nodes.map((node, index) => ({
      ...node,
      componentId: `5f0c2b1a9d3e4f001234567${index}`,
    }));
    expect(await flowQueueBehaviour({ ...flow, graph: { ...flow.graph, nodes: steps } }, mixed)).toBe(
      "suspends",
    );
  });
});
