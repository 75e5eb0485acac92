export * from "./smtp-sink.js";
export * from "./test-service.js";
export * from "./test-ticket-db.js";
export * from "./ticket-fixtures.js";
export * from "./webhook-receiver.js";
