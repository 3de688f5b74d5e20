import type { CorrectionRequest } from "@/db/schema";
import { maskResidentId } from "@/lib/id-number";

export type CorrectionView = {
  id: string;
  register: string;
  field: string;
  /** Masked when the attribute is an ID number. */
  currentValue: string | null;
  proposedValue: string | null;
  reason: string;
  serviceCode: string | null;
  status: CorrectionRequest["status"];
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
};

const shown = (field: string, value: string | null) => (value && field === "idNumber" ? maskResidentId(value) : value);

/** What a page may see of a request: plain values, ID numbers masked. */
export function toCorrectionView(r: CorrectionRequest): CorrectionView {
  return {
    id: r.id,
    register: r.register,
    field: r.field,
    currentValue: shown(r.field, r.currentValue),
    proposedValue: shown(r.field, r.proposedValue),
    reason: r.reason,
    serviceCode: r.serviceCode,
    status: r.status,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
