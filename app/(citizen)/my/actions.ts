"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { markAllMyNotificationsRead } from "@/lib/notifications/mark-notifications-read";

const markAllRead = userAction(["citizen"], z.object({}), async (_input, { db, actor }) => ({
  marked: await markAllMyNotificationsRead(db, actor),
}));

/** The home page's "全部标为已读" is a plain form (works without JavaScript); it re-renders home. */
export async function markAllNotificationsReadAction(): Promise<void> {
  await markAllRead({});
  revalidatePath("/my");
}
