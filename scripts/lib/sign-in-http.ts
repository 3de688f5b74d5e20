/**
 * Signs in over HTTP the way the browser's sign-in form ends up doing it (Auth.js credentials
 * callback with its CSRF token) and returns the Cookie header of the session. The one place the
 * scripts sign in: when staff sign-in gains a second factor, it is added here.
 */
export type SignInKind = "citizen" | "staff";

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "").filter(Boolean);
}

export async function signInOverHttp(baseUrl: string, kind: SignInKind, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/${kind}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${baseUrl}/start` }).toString(),
  });
  const session = cookiesOf(response).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${login} refused (HTTP ${response.status} ${response.headers.get("location") ?? ""})`);
  return session;
}
