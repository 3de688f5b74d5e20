/**
 * Compiles an eligibility definition (definition-schema.ts) to the set-wise SQL the
 * hand-written rules used to be: one SELECT of (service_id, person_id, subject_person_id,
 * reason) over persons — and, for a child's service, each child joined to each parent the
 * register links it to. The conditions use the same index-friendly fragments
 * (sql-fragments.ts), so the planner range-scans birth dates and probes licences by holder
 * exactly as before; the compiled and the reference SQL of today's rules are compared on a
 * seeded city in compile.test.ts.
 *
 * `reason` is a jsonb array of the parts of the condition that held, each {"i": node index
 * (depth-first, see walk), …values only the data knows: dates, the child's name}; `neg`
 * marks a part that held by being absent. explain.ts renders it in the resident's words.
 * Constants of the definition (years, months, enum values, division prefixes) have been
 * validated by the schema and are inlined as literals, as the hand-written SQL had them, so
 * the planner sees the same statement; licence keys and service codes are parameters.
 */
import { sql, type SQL } from "drizzle-orm";
import { divisionPrefix, type Condition, type EligibilityDefinition } from "./definition-schema";
import { agedAtLeast, agedUnder, anniversary, day, holdsValidLicence, iso, retirementDay } from "./sql-fragments";

export type CompileParams = {
  /** YYYY-MM-DD, China time. */
  today: string;
  /** Restrict to this applicant: their own row, or their children through family_relations. */
  personId?: string;
};

/** The persons rows a criterion may read: the subject and the applicant (the same alias for a service about oneself). */
type Scope = { subject: string; applicant: string };

type Compiled = { cond: SQL; reason: SQL };

/** Application states that count as "has applied" (as in withoutServed). */
const ANSWERING = sql.raw(`'draft', 'awaiting', 'submitted', 'supplement_requested', 'accepted', 'approved', 'completed'`);

const lit = (n: number): SQL => sql.raw(String(Math.trunc(n)));
const words = (values: readonly string[]): SQL => {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new RangeError(`not an enum value: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
};
const like = (column: SQL, division: string): SQL => sql`coalesce(${column} LIKE ${sql.raw(`'${divisionPrefix(division)}%'`)}, false)`;

/** The autumn (or other) intake a child of this age joins: this year's until the cutoff day, next year's after it. */
export function intakeOf(today: string, years: number, cutoff: string): { year: number; bornFrom: string; bornTo: string } {
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = today.split("-").map(Number);
  const [cm = Number.NaN, cd = Number.NaN] = cutoff.split("-").map(Number);
  const year = m < cm || (m === cm && d <= cd) ? y : y + 1;
  const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
  const last = Date.UTC(year - years, cm - 1, cd);
  const first = Date.UTC(year - years - 1, cm - 1, cd) + 86_400_000;
  return { year, bornFrom: isoDay(first), bornTo: isoDay(last) };
}

/** A criterion of the definition on its own (not one inside a hasChild's `where`), for the clerk's per-criterion check. */
export type CompiledLeaf = { i: number; node: Condition; cond: SQL; reason: SQL; negated: boolean; group: number | null };

class Compiler {
  private index = 0;
  private aliases = 0;
  /** Criteria met outside any hasChild, with the `not` and `any` around them. */
  readonly leaves: CompiledLeaf[] = [];
  private inChild = 0;
  private negated = false;
  private group: number | null = null;

  constructor(private readonly on: SQL, private readonly today: string) {}

  compile(c: Condition, scope: Scope): Compiled {
    const i = this.index;
    const out = this.compileNode(c, scope);
    if (this.inChild === 0 && c.is !== "all" && c.is !== "any" && c.is !== "not") {
      this.leaves.push({ i, node: c, cond: out.cond, reason: out.reason, negated: this.negated, group: this.group });
    }
    return out;
  }

  private compileNode(c: Condition, scope: Scope): Compiled {
    const i = this.index++;
    const part = (values: SQL = sql``) => sql`jsonb_build_array(jsonb_build_object('i', ${lit(i)}${values}))`;
    const p = c.is === "all" || c.is === "any" || c.is === "not" ? "" : c.of === "applicant" ? scope.applicant : scope.subject;
    const col = (name: string) => sql.raw(`${p}.${name}`);
    const birth = col("birth_date");
    switch (c.is) {
      case "all": {
        const parts = c.rules.map((r) => this.compile(r, scope));
        return {
          cond: sql`(${sql.join(parts.map((x) => x.cond), sql` AND `)})`,
          reason: sql`(${sql.join(parts.map((x) => x.reason), sql` || `)})`,
        };
      }
      case "any": {
        const outer = this.group;
        this.group ??= i;
        const parts = c.rules.map((r) => this.compile(r, scope));
        this.group = outer;
        return {
          cond: sql`(${sql.join(parts.map((x) => x.cond), sql` OR `)})`,
          reason: sql`(CASE ${sql.join(parts.map((x) => sql`WHEN ${x.cond} THEN ${x.reason}`), sql` `)} ELSE '[]'::jsonb END)`,
        };
      }
      case "not": {
        this.negated = !this.negated;
        const inner = this.compile(c.rule, scope);
        this.negated = !this.negated;
        return { cond: sql`NOT ${inner.cond}`, reason: sql`jsonb_build_array(jsonb_build_object('i', ${lit(i + 1)}, 'neg', true))` };
      }
      case "ageAtLeast": {
        const by = c.leadMonths > 0 ? sql`(${this.on} + ${sql.raw(`interval '${Math.trunc(c.leadMonths)} months'`)})::date` : this.on;
        return { cond: agedAtLeast(birth, c.years, by), reason: part(sql`, 'date', ${iso(anniversary(birth, c.years))}`) };
      }
      case "ageUnder":
        return { cond: agedUnder(birth, c.years, this.on), reason: part(sql`, 'birthDate', ${iso(birth)}`) };
      case "ageByCutoff": {
        const { year, bornFrom, bornTo } = intakeOf(this.today, c.years, c.cutoff);
        return {
          cond: sql`${birth} BETWEEN ${bornFrom}::date AND ${bornTo}::date`,
          reason: part(sql`, 'date', ${iso(anniversary(birth, c.years))}, 'year', ${lit(year)}`),
        };
      }
      case "hukouIn":
        return { cond: like(col("hukou_division_code"), c.division), reason: part() };
      case "hukouRegistered":
        return { cond: sql`${col("hukou_division_code")} IS NOT NULL`, reason: part() };
      case "residesIn":
        return { cond: like(col("residence_division_code"), c.division), reason: part() };
      case "residentFor":
        return {
          cond: sql`(${col("residence_since")} + ${sql.raw(`interval '${Math.trunc(c.months)} months'`)})::date <= ${this.on}`,
          reason: part(sql`, 'since', ${iso(col("residence_since"))}`),
        };
      case "maritalStatus":
        return { cond: sql`${col("marital_status")} IN (${words(c.status)})`, reason: part() };
      case "employment":
        return {
          cond: sql`${col("employment_status")} IN (${words(c.status)})`,
          reason: part(sql`, 'since', ${iso(sql`(${col("employment_updated_at")} AT TIME ZONE 'Asia/Shanghai')::date`)}`),
        };
      case "beforeRetirement": {
        const retires = retirementDay(birth, col("sex"));
        return { cond: sql`${retires} > ${this.on}`, reason: part(sql`, 'date', ${iso(retires)}`) };
      }
      case "sex":
        return { cond: sql`${col("sex")} = ${words([c.sex])}`, reason: part() };
      case "insurance":
        return { cond: sql`${col("insurance_status")} IN (${words(c.status)})`, reason: part() };
      case "insuredMonths":
        return { cond: sql`${col("insurance_months")} >= ${lit(c.atLeast)}`, reason: part(sql`, 'months', ${col("insurance_months")}::int`) };
      case "holdsLicence":
        return { cond: holdsValidLicence(col("id"), c.licence, this.on), reason: part() };
      case "hasApplied":
        return {
          cond: sql`EXISTS (SELECT 1 FROM applications ha JOIN services hs ON hs.id = ha.service_id
            WHERE ha.applicant_person_id = ${col("id")} AND coalesce(ha.subject_person_id, ha.applicant_person_id) = ${col("id")}
              AND hs.code = ${c.service} AND ha.status IN (${ANSWERING})
            UNION ALL SELECT 1 FROM family_relations hf JOIN applications ha ON ha.applicant_person_id = hf.relative_id
              JOIN services hs ON hs.id = ha.service_id
            WHERE hf.person_id = ${col("id")} AND ha.subject_person_id = ${col("id")} AND hs.code = ${c.service} AND ha.status IN (${ANSWERING}))`,
          reason: part(),
        };
      case "hasChild": {
        const n = ++this.aliases;
        const k = `k${n}`;
        const fr = `kr${n}`;
        this.inChild++;
        const where = this.compile(c.where, { subject: k, applicant: p });
        this.inChild--;
        const children = (select: SQL) =>
          sql`SELECT ${select} FROM family_relations ${sql.raw(fr)} JOIN persons ${sql.raw(k)} ON ${sql.raw(k)}.id = ${sql.raw(fr)}.person_id
            WHERE ${sql.raw(fr)}.relative_id = ${col("id")} AND ${sql.raw(fr)}.relation = 'parent' AND ${where.cond}`;
        const count = sql`(${children(sql`count(*)`)})`;
        const cond =
          c.atLeast === 1 && c.atMost === undefined
            ? sql`EXISTS (${children(sql`1`)})`
            : sql`${count} BETWEEN ${lit(c.atLeast)} AND ${lit(c.atMost ?? 1000)}`;
        const first = sql`(${children(sql.raw(`${k}.name`))} ORDER BY ${sql.raw(`${k}.birth_date`)} DESC, ${sql.raw(`${k}.id`)} LIMIT 1)`;
        return { cond, reason: part(sql`, 'name', ${first}, 'count', ${count}`) };
      }
    }
  }
}

/**
 * The candidates of one service's definition: rows (service_id, person_id, subject_person_id,
 * reason) of everyone the policy covers today, before withoutServed removes those already
 * served. `personId` restricts to one applicant (the resident's home page, the bundle).
 */
export function compileCandidates(def: EligibilityDefinition, serviceId: string, { today, personId }: CompileParams): SQL {
  const on = day(today);
  const compiler = new Compiler(on, today);
  const service = sql`${serviceId}::uuid`;
  if (def.for === "self") {
    const { cond, reason } = compiler.compile(def.when, { subject: "p", applicant: "p" });
    return sql`SELECT ${service} AS service_id, p.id AS person_id, p.id AS subject_person_id, ${reason} AS reason
      FROM persons p
      WHERE ${cond} ${personId ? sql`AND p.id = ${personId}::uuid` : sql``}`;
  }
  const { cond, reason } = compiler.compile(def.when, { subject: "c", applicant: "parent" });
  return sql`SELECT ${service} AS service_id, r.relative_id AS person_id, c.id AS subject_person_id, ${reason} AS reason
    FROM persons c
    JOIN family_relations r ON r.person_id = c.id AND r.relation = 'parent'
    JOIN persons parent ON parent.id = r.relative_id
    WHERE ${cond} ${personId ? sql`AND r.relative_id = ${personId}::uuid` : sql``}`;
}

/**
 * Each criterion of a definition checked for one application's applicant and subject (the
 * clerk's 申请条件核对): one row with a jsonb array of {i, holds, reason}, where `holds` is
 * null when the register lacks the data the criterion reads (SQL's unknown). Criteria under
 * a `not` are checked as written and flagged negated; a hasChild is one criterion.
 */
export function compileCriteria(def: EligibilityDefinition, { today, applicantId, subjectId }: { today: string; applicantId: string; subjectId: string }): SQL | null {
  const compiler = new Compiler(day(today), today);
  const scope = def.for === "self" ? { subject: "p", applicant: "p" } : { subject: "c", applicant: "parent" };
  compiler.compile(def.when, scope);
  if (compiler.leaves.length === 0) return null;
  const items = sql.join(
    compiler.leaves.map((l) => sql`jsonb_build_object('i', ${lit(l.i)}, 'holds', (${l.cond}), 'reason', ${l.reason})`),
    sql`, `,
  );
  return def.for === "self"
    ? sql`SELECT jsonb_build_array(${items}) AS results FROM persons p WHERE p.id = ${subjectId}::uuid`
    : sql`SELECT jsonb_build_array(${items}) AS results FROM persons c, persons parent WHERE c.id = ${subjectId}::uuid AND parent.id = ${applicantId}::uuid`;
}

/** The leaves compileCriteria checks, in order, with their `not` and `any` context. */
export function criteriaOf(def: EligibilityDefinition, today: string): Omit<CompiledLeaf, "cond" | "reason">[] {
  const compiler = new Compiler(day(today), today);
  compiler.compile(def.when, def.for === "self" ? { subject: "p", applicant: "p" } : { subject: "c", applicant: "parent" });
  return compiler.leaves.map(({ cond: _c, reason: _r, ...rest }) => rest);
}
