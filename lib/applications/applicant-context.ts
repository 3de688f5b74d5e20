import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { familyRelations, persons, type Person } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type ApplicantContext = {
  person: Person;
  spouse: Person | null;
  children: Person[];
  parents: Person[];
  /** The child (or other relative) the application is about, when the service concerns one. */
  subject: Person | null;
};

/**
 * The applicant and the family the base register links them to, in two queries. A subject
 * must be one of the applicant's own children; anyone else is NOT_FOUND, so guessing another
 * family's person id reveals nothing.
 */
export async function loadApplicantContext(
  db: Executor,
  personId: string,
  subjectPersonId?: string | null,
): Promise<ApplicantContext> {
  const [person] = await db.select().from(persons).where(eq(persons.id, personId));
  if (!person) throw new AppError("NOT_FOUND", "errors.notFound");
  const relations = await db
    .select({ relation: familyRelations.relation, relative: persons })
    .from(familyRelations)
    .innerJoin(persons, eq(persons.id, familyRelations.relativeId))
    .where(eq(familyRelations.personId, personId));
  const of = (r: "spouse" | "child" | "parent") =>
    relations.filter((x) => x.relation === r).map((x) => x.relative);
  const children = of("child").sort((a, b) => b.birthDate.localeCompare(a.birthDate));
  let subject: Person | null = null;
  if (subjectPersonId) {
    subject = children.find((c) => c.id === subjectPersonId) ?? null;
    if (!subject) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "subject is not the applicant's child" });
  }
  return { person, spouse: of("spouse")[0] ?? null, children, parents: of("parent"), subject };
}

/** Persons for a set of ids (used where a caller already knows them). */
export async function loadPersons(db: Executor, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.select().from(persons).where(and(inArray(persons.id, ids)));
}
