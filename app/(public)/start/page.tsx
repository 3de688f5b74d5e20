import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { homeOf } from "@/lib/auth/permissions";

/** Where sign-in lands: each role goes to its own home. */
export default async function StartPage() {
  const actor = await getCurrentUser();
  redirect(actor ? homeOf[actor.role] : "/sign-in");
}
