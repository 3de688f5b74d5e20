"use server";

import { userAction } from "@/lib/action";
import { deleteDraft, draftTargetSchema, saveDraft, saveDraftSchema } from "@/lib/applications/drafts";

export const saveDraftAction = userAction(["citizen"], saveDraftSchema, (input, { db, actor }) => saveDraft(db, actor, input));

export const deleteDraftAction = userAction(["citizen"], draftTargetSchema, (input, { db, actor }) => deleteDraft(db, actor, input));
