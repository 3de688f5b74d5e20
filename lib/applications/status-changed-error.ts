import { AppError } from "@/lib/errors";
import { toChinaDate } from "@/lib/calendar/working-days";

/**
 * The clerk's wording of a lost race: "该办件已被 {by} 于 {at} 处理（现为{status}）", with the
 * time in China and the status in words. Any other error passes through unchanged.
 */
export function statusChangedError(error: unknown, statusName: (status: never) => string): unknown {
  if (!(error instanceof AppError) || error.messageKey !== "errors.process.changed") return error;
  const { by, at, status } = error.params;
  const instant = typeof at === "string" && at ? new Date(at) : null;
  const when = instant && !Number.isNaN(instant.getTime())
    ? `${toChinaDate(instant)} ${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`
    : "—";
  return new AppError("CONFLICT", "errors.counter.changed", {
    params: { by: String(by ?? "—"), at: when, status: status ? statusName(String(status) as never) : "—" },
    internal: error.message,
    cause: error,
  });
}
