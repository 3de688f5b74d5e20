import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withPublicOrigin } from "./public-request";

describe("the Auth.js route's public origin", () => {
  it("takes the Host header when AUTH_URL is unset, keeping path, query, method and body", async () => {
    const request = new NextRequest("http://localhost:3000/api/auth/callback/gdid?code=abc&state=s", { headers: { host: "127.0.0.1:3140" } });
    const rebuilt = withPublicOrigin(request);
    expect(rebuilt.url).toBe("http://127.0.0.1:3140/api/auth/callback/gdid?code=abc&state=s");
    const post = withPublicOrigin(new NextRequest("http://localhost:3000/api/auth/signin/gdid", { method: "POST", body: "csrfToken=x", headers: { host: "portal.example.cn", "x-forwarded-proto": "https" } }));
    expect(post.url).toBe("https://portal.example.cn/api/auth/signin/gdid");
    expect(await post.text()).toBe("csrfToken=x");
  });

  it("leaves a request alone when the origin already matches or the host is not a host", () => {
    const same = new NextRequest("http://portal.example.cn/api/auth/session", { headers: { host: "portal.example.cn" } });
    expect(withPublicOrigin(same)).toBe(same);
    const odd = new NextRequest("http://localhost:3000/api/auth/session", { headers: { host: "evil/path" } });
    expect(withPublicOrigin(odd)).toBe(odd);
  });
});
