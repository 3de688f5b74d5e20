import { getTranslations } from "next-intl/server";
import { labellerFrom, type Labeller } from "./labels";
import type { NoteTranslator } from "./system-notes";

/** The labeller in the language of the current request (server components, route handlers). */
export async function getLabeller(): Promise<Labeller> {
  const t = await getTranslations();
  const translate = ((key: string, params?: Record<string, string | number>) => t(key as never, params as never)) as NoteTranslator;
  translate.has = (key: string) => t.has(key as never);
  return labellerFrom(translate);
}
