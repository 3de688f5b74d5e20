import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withPublicOrigin } from "@/lib/auth/public-request";

export const GET = (request: NextRequest) => handlers.GET(withPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(withPublicOrigin(request));
