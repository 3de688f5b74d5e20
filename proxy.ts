import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { homeOf } from "@/lib/auth/permissions";

const { auth } = NextAuth(authConfig);

const areas: { prefix: string; roles: string[] }[] = [
  { prefix: "/my", roles: ["citizen"] },
  { prefix: "/counter", roles: ["clerk"] },
  { prefix: "/supervisor", roles: ["supervisor"] },
  { prefix: "/admin", roles: ["admin"] },
];

/**
 * Convenience only: sends the signed-out or wrong-role visitor somewhere sensible before a
 * page renders. Every page and lib function checks again on the server (CVE-2025-29927).
 */
export default auth((req) => {
  const path = req.nextUrl.pathname;
  const area = areas.find((a) => path === a.prefix || path.startsWith(`${a.prefix}/`));
  if (!area) return NextResponse.next();
  const role = req.auth?.user?.role;
  if (!role) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("next", path);
    return NextResponse.redirect(url);
  }
  if (!area.roles.includes(role)) return NextResponse.redirect(new URL(homeOf[role], req.nextUrl));
  return NextResponse.next();
});

export const config = {
  matcher: ["/my/:path*", "/counter/:path*", "/supervisor/:path*", "/admin/:path*"],
};
