import "server-only";
import { env } from "@/lib/env";
import { HttpSmsTransport } from "./http-sms-transport";
import { LogTransport } from "./log-transport";
import type { NotificationTransport } from "./transport";

/** The gateway when SMS_GATEWAY_URL is set, else the log (development, tests, demos). */
export function transportFromEnv(): NotificationTransport {
  return env.SMS_GATEWAY_URL ? new HttpSmsTransport(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN) : new LogTransport();
}
