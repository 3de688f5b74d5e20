import "server-only";
import QRCode from "qrcode";
import type { Executor } from "@/db/client";
import { signIn } from "./auth";
import { clientAddress } from "./client-address";
import { attemptSignIn, type Door } from "./login";
import { signInRefusal } from "./sign-in-error";
import { issueSignInTicket } from "./sign-in-ticket";

export type SignInStep =
  | { step: "done"; redirectTo: string; recoveryCodes?: string[] }
  | { step: "code" }
  | { step: "enrol"; secret: string; qr: string };

/**
 * One submit of the sign-in form: lib decides (attemptSignIn), then either the next step is
 * asked for — the code, or the enrolment of an authenticator with its QR code — or Auth.js
 * mints the session from a one-time ticket. Refusals become AppErrors with the same words for
 * every account.
 */
export async function signInStep(db: Executor, door: Door, input: { login: string; password: string; code?: string }): Promise<SignInStep> {
  const result = await attemptSignIn(db, { door, ...input, address: await clientAddress() });
  if (!result.ok) {
    if (result.reason === "code_required") return { step: "code" };
    if (result.reason === "enrol") {
      const svg = await QRCode.toString(result.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return { step: "enrol", secret: result.secret, qr: `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}` };
    }
    throw signInRefusal(result);
  }
  const { user } = result;
  const ticket = issueSignInTicket({ id: user.id, name: user.displayName, role: user.role, sessionVersion: user.sessionVersion });
  await signIn("ticket", { ticket, redirect: false });
  return { step: "done", redirectTo: "/start", ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}) };
}
