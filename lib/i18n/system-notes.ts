/**
 * Notes the system writes (on application events and materials) are stored as a message key
 * with parameters, not as a sentence in one language, so each reader sees them in theirs. The
 * columns stay free text — clerks and residents write real sentences there too — so a system
 * note is marked: "§" followed by JSON {"key": "notes.…", "params": {…}}. No person types "§{".
 *
 * Writers: systemNote("notes.deemedAccepted"). Readers: noteText(t, note) with a translator of
 * the reader's language; anything that is not a system note (a clerk's reason, history written
 * before keys) comes back as it was stored.
 */
const MARK = "§";

export type NoteParams = Record<string, string | number>;
export type NoteTranslator = { (key: string, params?: NoteParams): string; has(key: string): boolean };

export function systemNote(key: `notes.${string}`, params: NoteParams = {}): string {
  return `${MARK}${JSON.stringify({ key, params })}`;
}

export function parseSystemNote(note: string): { key: string; params: NoteParams } | null {
  if (!note.startsWith(`${MARK}{`)) return null;
  try {
    const parsed = JSON.parse(note.slice(MARK.length)) as unknown;
    if (typeof parsed !== "object" || parsed === null) return null;
    const { key, params } = parsed as { key?: unknown; params?: unknown };
    if (typeof key !== "string" || !key.startsWith("notes.")) return null;
    const safe: NoteParams = {};
    if (typeof params === "object" && params !== null) {
      for (const [k, v] of Object.entries(params)) if (typeof v === "string" || typeof v === "number") safe[k] = v;
    }
    return { key, params: safe };
  } catch {
    return null;
  }
}

/** The note in the reader's language (`t` is a root translator: keys are "notes.…"). */
export function noteText(t: NoteTranslator, note: string): string;
export function noteText(t: NoteTranslator, note: string | null): string | null;
export function noteText(t: NoteTranslator, note: string | null): string | null {
  if (note === null) return null;
  const system = parseSystemNote(note);
  if (!system) return note;
  return t.has(system.key) ? t(system.key, system.params) : note;
}
