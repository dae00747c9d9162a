import pino from "pino";

// JSON lines on stdout; one logger for the app and the scripts.
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "cairn" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], remove: true },
});
