import { apiRoute } from "@/lib/api/route-handler";

export const POST = apiRoute("issueLicence");
