import pino from "pino";
import { env } from "@/lib/env";

/**
 * Structured logs. Redaction is a safety net: code must still never log a password or a full
 * resident ID number.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  redact: {
    paths: ["password", "*.password", "idNumber", "*.idNumber", "passwordHash", "*.passwordHash"],
    censor: "[redacted]",
  },
});
