/**
 * One message file per namespace and locale (messages/<locale>/<namespace>.json), so each
 * feature owns its strings. Add a namespace here when you add its two files.
 */
export const namespaces = [
  "nav",
  "landing",
  "signIn",
  "activate",
  "citizenHome",
  "notifications",
  "clerkHome",
  "supervisorHome",
  "adminHome",
  "status",
  "validation",
  "errors",
  "recommendations",
  "wallet",
  "apply",
  "catalogue",
  "track",
  "appointments",
  "proactive",
  "drafts",
  "corrections",
  "intake",
  "library",
  "counter",
  "dashboard",
  "followUps",
  "labels",
  "licenceFile",
] as const;
