import "server-only";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { deliverPending } from "./deliver-pending";
import { transportFromEnv } from "./transport-from-env";

const globalForWorker = globalThis as unknown as { __onewindowDelivery?: NodeJS.Timeout };

/**
 * Runs the outbox every `intervalMs` in this server process (started from instrumentation.ts).
 * One run at a time per process; across processes SKIP LOCKED keeps each message to one sender
 * (and lib/jobs/start-background-work.ts runs it in one process only). Returns its stop.
 */
export function startDeliveryWorker(intervalMs = 10_000): () => void {
  const stop = () => {
    clearInterval(globalForWorker.__onewindowDelivery);
    globalForWorker.__onewindowDelivery = undefined;
  };
  if (globalForWorker.__onewindowDelivery) return stop;
  const transport = transportFromEnv();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await deliverPending(await getDb(), transport);
      if (run.claimed > 0) logger.info({ ...run, transport: transport.name }, "notification outbox run");
    } catch (error) {
      logger.error({ err: error }, "notification outbox run failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // The worker never keeps the process alive on its own.
  timer.unref();
  globalForWorker.__onewindowDelivery = timer;
  logger.info({ intervalMs, transport: transport.name }, "notification outbox worker started");
  return stop;
}
