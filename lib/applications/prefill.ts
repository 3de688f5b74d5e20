import type { Person, ServiceFormField } from "@/db/schema";
import { maskResidentId } from "@/lib/id-number";

/** The base registers a pre-filled value can come from, and the department that keeps each. */
export const registers = {
  hukou: "psb",
  residence: "psb",
  marital: "civil",
} as const;
export type Register = keyof typeof registers;

export type PrefilledField = {
  name: string;
  /** The value shown to the applicant (ID numbers masked). */
  display: string;
  register: Register;
  updatedAt: string;
  /** Locked values are re-read from the register at submission, never taken from the browser. */
  locked: boolean;
};

type Family = { person: Person; spouse: Person | null; subject: Person | null };

const sexLabel = (p: Person) => (p.sex === "male" ? "male" : "female");

/**
 * Resolves a field's `prefill` path (e.g. "spouse.idNumber") against the applicant's family.
 * Returns the raw value and where it came from, or null when the register has nothing.
 */
export function resolvePrefill(
  path: string,
  family: Family,
): { value: string; register: Register; updatedAt: Date } | null {
  const [who, attr] = path.split(".", 2);
  const p = who === "person" ? family.person : who === "spouse" ? family.spouse : who === "child" ? family.subject : null;
  if (!p || !attr) return null;
  const register: Register = who === "spouse" ? "marital" : attr === "residenceAddress" || attr === "phone" ? "residence" : "hukou";
  const updatedAt = register === "marital" ? family.person.maritalUpdatedAt : register === "residence" ? p.residenceUpdatedAt : p.hukouUpdatedAt;
  const values: Record<string, string | null> = {
    name: p.name,
    idNumber: p.idNumber,
    birthDate: p.birthDate,
    sex: sexLabel(p),
    phone: p.phone,
    residenceAddress: p.residenceAddress,
    hukouAddress: p.hukouAddress,
  };
  const value = values[attr];
  return value ? { value, register, updatedAt } : null;
}

/**
 * The pre-filled fields of a form. Contact phone stays editable (people change numbers);
 * everything else the register holds is locked and shown with its source and age.
 */
export function prefillFields(fields: ServiceFormField[], family: Family): PrefilledField[] {
  const out: PrefilledField[] = [];
  for (const field of fields) {
    if (!field.prefill) continue;
    const resolved = resolvePrefill(field.prefill, family);
    if (!resolved) continue;
    out.push({
      name: field.name,
      display: field.type === "id_number" ? maskResidentId(resolved.value) : resolved.value,
      register: resolved.register,
      updatedAt: resolved.updatedAt.toISOString(),
      locked: field.type !== "phone",
    });
  }
  return out;
}

/** Server side: the values of locked fields, straight from the register. */
export function lockedValues(fields: ServiceFormField[], family: Family): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (!field.prefill || field.type === "phone") continue;
    const resolved = resolvePrefill(field.prefill, family);
    if (resolved) out[field.name] = resolved.value;
  }
  return out;
}
