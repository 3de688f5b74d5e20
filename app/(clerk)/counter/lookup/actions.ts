"use server";

import { userAction } from "@/lib/action";
import { lookupResident } from "@/lib/persons/lookup-resident";
import { lookupResidentSchema } from "@/lib/persons/lookup-schemas";

/** POST only: the ID number travels in the request body, never in a URL. */
export const lookupResidentAction = userAction(["clerk"], lookupResidentSchema, (input, { db, actor }) =>
  lookupResident(db, actor, input.idNumber),
);
