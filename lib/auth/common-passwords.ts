import "server-only";
import list from "./passwords/common-passwords.json";

/**
 * The 49,233 most common passwords of the public breach corpora, as shipped by zxcvbn-ts
 * (`@zxcvbn-ts/language-common` 4.1.3, src/passwords.json, MIT — see passwords/LICENSE-zxcvbn-ts.txt).
 * A password is refused when it is on the list (ignoring case), or is a listed word of four
 * or more characters with only digits and symbols around it — "Password2026!", "zhang19900101",
 * "!!dragon123456" — the way most breached long passwords are made.
 */
let common: Set<string> | null = null;
function commonSet(): Set<string> {
  common ??= new Set(list.map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const set = commonSet();
  if (set.has(lower)) return true;
  const core = lower.replace(/^[\d\p{P}\p{S}\s]+/u, "").replace(/[\d\p{P}\p{S}\s]+$/u, "");
  return core.length >= 4 && core !== lower && set.has(core);
}
