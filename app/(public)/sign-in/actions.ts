"use server";

import { publicAction } from "@/lib/action";
import { citizenSignInSchema, staffSignInSchema } from "@/lib/auth/schemas";
import { signInStep } from "@/lib/auth/sign-in-step";

export const citizenSignInAction = publicAction(citizenSignInSchema, (input, { db }) => signInStep(db, "citizen", input));

export const staffSignInAction = publicAction(staffSignInSchema, (input, { db }) => signInStep(db, "staff", input));
