import { apiRoute } from "@/lib/api/route-handler";

export const GET = apiRoute("verifyLicence");
