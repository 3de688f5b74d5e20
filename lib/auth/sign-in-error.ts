import { AuthError, CredentialsSignin } from "next-auth";
import { AppError } from "@/lib/errors";

/** Maps an Auth.js refusal to the message the person sees; rethrows anything else. */
export function signInErrorToAppError(error: unknown): AppError {
  if (error instanceof CredentialsSignin) {
    const [kind, detail = ""] = error.code.split(":", 2);
    if (kind === "locked") {
      const minutes = Math.max(1, Math.ceil((Date.parse(detail) - Date.now()) / 60_000));
      return new AppError("LOCKED", "errors.signIn.locked", { params: { minutes } });
    }
    if (kind === "throttled") {
      return new AppError("RATE_LIMITED", "errors.signIn.throttled", { params: { seconds: Number(detail) || 30 } });
    }
    return new AppError("UNAUTHENTICATED", "errors.signIn.invalid");
  }
  if (error instanceof AuthError) return new AppError("UNAUTHENTICATED", "errors.signIn.invalid", { cause: error });
  throw error;
}
