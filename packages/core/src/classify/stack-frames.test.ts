import { describe, expect, it } from "vitest";
import { readStack } from "./stack-frames.js";

describe("readStack", () => {
  it("finds the first frame in the component's own files", () => {
    const stack = [
      "TypeError: x is not a function",
      "    at Array.map (<anonymous>)",
      "    at Object.process (/home/node/lib/actions/upsert.js:42:31)",
      "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ].join("\n");
    expect(readStack(stack)).toEqual({
      ownFrame: "at Object.process (/home/node/lib/actions/upsert.js:42:31)",
      frames: 2,
    });
  });

  it("finds none when every frame is in node_modules, Node internals or anonymous", () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'length')",
      "    at Parser.parseString (/home/node/node_modules/xml2js/lib/parser.js:304:22)",
      "    at new Promise (<anonymous>)",
      "    at TLSSocket.emit (node:events:517:28)",
      "    at processTicksAndRejections (internal/process/task_queues.js:97:5)",
    ].join("\n");
    expect(readStack(stack)).toEqual({ ownFrame: undefined, frames: 4 });
  });

  it("reads Java frames, skipping the JVM, the sailor and common libraries", () => {
    const stack = [
      "java.lang.NullPointerException",
      "\tat java.base/java.util.Objects.requireNonNull(Objects.java:209)",
      "\tat io.elastic.sailor.impl.MessageProcessorImpl.processMessage(MessageProcessorImpl.java:61)",
      "\tat com.acme.actions.UpsertAction.execute(UpsertAction.java:37)",
    ].join("\n");
    expect(readStack(stack).ownFrame).toBe("at com.acme.actions.UpsertAction.execute(UpsertAction.java:37)");
  });

  it("reads nothing from a text without frames", () => {
    expect(readStack("connect ECONNREFUSED 10.0.0.1:443")).toEqual({ ownFrame: undefined, frames: 0 });
  });
});
