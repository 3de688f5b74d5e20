import { AppError } from "@/lib/errors";
import type { LoginResult } from "./login";

type Refused = Extract<LoginResult, { ok: false; reason: "invalid" | "throttled" | "locked" | "code_wrong" | "code_used" }>;

/** The words for a refused attempt: the same for every account, known or not. */
export function signInRefusal(result: Refused): AppError {
  switch (result.reason) {
    case "locked":
      return new AppError("LOCKED", "errors.signIn.locked", { params: { minutes: result.minutes } });
    case "throttled":
      return new AppError("RATE_LIMITED", "errors.signIn.throttled", { params: { seconds: result.waitSeconds } });
    case "code_wrong":
      return new AppError("UNAUTHENTICATED", "errors.signIn.codeWrong", { fieldErrors: { code: "validation.code.wrong" } });
    case "code_used":
      return new AppError("UNAUTHENTICATED", "errors.signIn.codeUsed", { fieldErrors: { code: "validation.code.used" } });
    default:
      return new AppError("UNAUTHENTICATED", "errors.signIn.invalid");
  }
}
