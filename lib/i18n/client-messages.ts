/**
 * Which message namespaces reach the browser, per part of the site. Server components translate
 * on the server and send only text; a client component's `useTranslations("x")` needs "x" in
 * its area's list below, or it shows raw keys. Everything else stays on the server: passing all
 * of lib/i18n/messages (57 KB in Chinese) into every page's RSC payload cost every page render
 * its serialisation and every visitor its download. lib/i18n/client-messages.test.ts walks each
 * area's imports to the client components it renders and fails when a namespace is missing.
 * A dotted entry ("track.rating") sends only that part of a namespace. An area's messages are
 * given by a layout.tsx rendering <ClientMessages area="…"> in each folder the test lists.
 */
export const clientAreas = ["shell", "public", "citizen", "clerk", "supervisor", "admin"] as const;
export type ClientArea = (typeof clientAreas)[number];

export const clientNamespaces: Record<ClientArea, readonly string[]> = {
  /**
   * Every page outside the scopes below (the header, the public home, the catalogue, /my): no
   * client translations at all, and app/layout.tsx renders no provider, so those pages ship no
   * message runtime. Keep it that way: a root provider would put it on every page.
   */
  shell: [],
  public: ["signIn", "activate", "validation", "licenceFile.verify"],
  citizen: [
    "apply",
    "validation",
    "drafts",
    "corrections.dialog",
    "track.supplement",
    "track.rating",
    "track.withdraw",
    "appointments.mine",
    "appointments.book",
    "labels",
    "twoFactor",
    "signIn.recovery",
    "signIn.code",
    "signIn.enrol",
  ],
  clerk: [
    "apply",
    "intake",
    "validation",
    "status",
    "counter.actions",
    "counter.licenceStatus",
    "counter.lookup",
    "counter.materials",
    "counter.phone",
    "corrections.decide",
  ],
  supervisor: ["proactive", "followUps", "validation"],
  admin: ["library.apiKeys", "adminHome.create", "nav", "validation", "catalogueAdmin"],
};

type Messages = Record<string, unknown>;

/** The parts of `messages` named by `paths` ("ns" or "ns.sub"), nested as in the catalogue. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const k of keys) from = typeof from === "object" && from !== null ? (from as Messages)[k] : undefined;
    if (from === undefined) continue;
    let into = out;
    keys.slice(0, -1).forEach((k) => {
      into[k] = typeof into[k] === "object" && into[k] !== null ? into[k] : {};
      into = into[k] as Messages;
    });
    into[keys[keys.length - 1] ?? path] = from;
  }
  return out;
}
