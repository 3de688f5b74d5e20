import { z } from "zod";
import { maskResidentId } from "@/lib/id-number";
import { displayLicenceNumber } from "./list-my-licences";

const LICENCE_STATUSES = ["valid", "expired", "revoked", "superseded"] as const;

/** GB/T 36903 core metadata of a licence as the API returns it (with the effective status). */
export const licenceMetadataSchema = z
  .object({
    identifier: z.string().meta({ description: "证照标识 (GB/T 36904)" }),
    name: z.string().meta({ description: "证照名称" }),
    typeKey: z.string(),
    typeName: z.string().meta({ description: "证照类型名称" }),
    typeNameEn: z.string(),
    typeCode: z.string().meta({ description: "证照类型代码" }),
    licenceNumber: z.string().meta({ description: "证照编号 (an embedded ID number is masked unless the caller issues the type)" }),
    issuer: z.string().meta({ description: "证照颁发机构" }),
    issuerCode: z.string().meta({ description: "证照颁发机构代码 (USCC)" }),
    issuedOn: z.iso.date().meta({ description: "证照颁发日期" }),
    jurisdictionCode: z.string().meta({ description: "证照所属地区编码 (GB/T 2260)" }),
    holder: z.string().meta({ description: "持证主体" }),
    holderCode: z.string().meta({ description: "持证主体代码; masked unless the caller issues the type" }),
    holderCodeType: z.enum(["111", "001"]).meta({ description: "持证主体代码类型: 111 resident ID, 001 USCC" }),
    validFrom: z.iso.date().meta({ description: "有效期起始" }),
    validUntil: z.iso.date().nullable().meta({ description: "有效期截止 (last day in force); null = no end" }),
    version: z.number().int(),
    status: z.enum(LICENCE_STATUSES).meta({ description: "Effective status today (China date)" }),
    statusReason: z.string().nullable(),
  });
export type LicenceMetadata = z.infer<typeof licenceMetadataSchema>;

export type LicenceMetadataRow = {
  identifier: string;
  typeKey: string;
  typeNameZh: string;
  typeNameEn: string;
  typeCode: string;
  typeDepartmentId: string;
  licenceNumber: string;
  issuerName: string;
  issuerCode: string;
  issuedOn: string;
  jurisdictionCode: string;
  holderName: string;
  holderCode: string;
  holderCodeType: "111" | "001";
  validFrom: string;
  validUntil: string | null;
  version: number;
  status: (typeof LICENCE_STATUSES)[number];
  statusReason: string | null;
};

/** Full holder code only to the department that issues the type; everyone else sees it masked. */
export function toLicenceMetadata(row: LicenceMetadataRow, callerDepartmentId: string): LicenceMetadata {
  const own = row.typeDepartmentId === callerDepartmentId;
  const holderCode = own || row.holderCodeType !== "111" ? row.holderCode : maskResidentId(row.holderCode);
  return {
    identifier: row.identifier,
    name: row.typeNameZh,
    typeKey: row.typeKey,
    typeName: row.typeNameZh,
    typeNameEn: row.typeNameEn,
    typeCode: row.typeCode,
    licenceNumber: own ? row.licenceNumber : displayLicenceNumber(row.licenceNumber, row.holderCode, row.holderCodeType),
    issuer: row.issuerName,
    issuerCode: row.issuerCode,
    issuedOn: row.issuedOn,
    jurisdictionCode: row.jurisdictionCode,
    holder: row.holderName,
    holderCode,
    holderCodeType: row.holderCodeType,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    version: row.version,
    status: row.status,
    statusReason: row.status === "revoked" || row.status === "superseded" ? row.statusReason : null,
  };
}
