import type { Locale } from "@/lib/i18n/config";
import { maskResidentId } from "@/lib/id-number";
import type { LicenceStatus } from "../effective-status";
import { displayLicenceNumber } from "../list-my-licences";
import { licenceFileTranslator } from "./licence-file-text";
import type { LicencePdfContent } from "./render-licence-pdf";

/** A licence as its PDF needs it: the library row's core metadata plus names of type and issuer. */
export type LicenceForFile = {
  identifier: string;
  typeNameZh: string;
  typeNameEn: string;
  typeCode: string;
  licenceNumber: string;
  issuerName: string;
  issuerNameEn: string;
  issuerCode: string;
  issuedOn: string;
  jurisdictionCode: string;
  holderName: string;
  holderCode: string;
  holderCodeType: "111" | "001";
  validFrom: string;
  validUntil: string | null;
  version: number;
  fields: Record<string, string>;
  status: LicenceStatus;
};

const RESIDENT_ID = /^\d{17}[\dX]$/;

/** Any resident ID number printed on the file is masked: the file travels to other people. */
const masked = (value: string) => (RESIDENT_ID.test(value) ? maskResidentId(value) : value);

/**
 * What a licence PDF says, in the reader's language: the GB/T 36903 core metadata, the
 * certificate's own particulars under their labels (lib/i18n labels.licenceField), the QR
 * code of /verify and how to check the file. Values stay as the library holds them (names
 * and addresses are Chinese in either language); only the labels change.
 */
export function licencePdfContent(
  l: LicenceForFile,
  { locale, verifyUrl, verifyPageUrl, now }: { locale: Locale; verifyUrl: string; verifyPageUrl: string; now: Date },
): LicencePdfContent {
  const t = licenceFileTranslator(locale);
  const en = locale === "en";
  const typeName = en ? l.typeNameEn : l.typeNameZh;
  const issuer = en ? l.issuerNameEn : l.issuerName;
  const holderCode = l.holderCodeType === "111" ? maskResidentId(l.holderCode) : l.holderCode;
  const licenceNumber = displayLicenceNumber(l.licenceNumber, l.holderCode, l.holderCodeType);
  const time = new Intl.DateTimeFormat(en ? "en-GB" : "zh-CN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(now);
  const core = (key: string, value: string) => ({ label: t(`licenceFile.pdf.core.${key}`), value });
  const fieldLabel = (key: string) => (t.has(`labels.licenceField.${key}`) ? t(`labels.licenceField.${key}`) : key);
  return {
    lang: locale,
    heading: t("licenceFile.pdf.heading"),
    title: typeName,
    statusLine: t("licenceFile.pdf.statusAt", { status: t(`licenceFile.pdf.status.${l.status}`), time }),
    sections: [
      {
        heading: t("licenceFile.pdf.coreHeading"),
        rows: [
          core("name", typeName),
          core("typeCode", l.typeCode),
          core("identifier", l.identifier),
          core("licenceNumber", licenceNumber),
          core("holder", l.holderName),
          core("holderCode", holderCode),
          core("holderCodeType", t(`licenceFile.pdf.holderCodeType.${l.holderCodeType}`)),
          core("issuer", issuer),
          core("issuerCode", l.issuerCode),
          core("issuedOn", l.issuedOn),
          core("jurisdictionCode", l.jurisdictionCode),
          core("validFrom", l.validFrom),
          core("validUntil", l.validUntil ?? t("licenceFile.pdf.noEnd")),
          core("version", String(l.version).padStart(3, "0")),
        ],
      },
      ...(Object.keys(l.fields).length > 0
        ? [
            {
              heading: t("licenceFile.pdf.fieldsHeading"),
              rows: Object.entries(l.fields).map(([key, value]) => ({ label: fieldLabel(key), value: masked(String(value)) })),
            },
          ]
        : []),
    ],
    qr: { url: verifyUrl, caption: t("licenceFile.pdf.qrCaption") },
    notes: [t("licenceFile.pdf.notes.seal"), t("licenceFile.pdf.notes.verify", { url: verifyPageUrl }), t("licenceFile.pdf.notes.masked")],
    licence: { identifier: l.identifier, version: l.version },
    attachment: {
      fileName: "licence-metadata.json",
      json: {
        identifier: l.identifier,
        name: l.typeNameZh,
        typeCode: l.typeCode,
        licenceNumber,
        issuer: l.issuerName,
        issuerCode: l.issuerCode,
        issuedOn: l.issuedOn,
        jurisdictionCode: l.jurisdictionCode,
        holder: l.holderName,
        holderCode,
        holderCodeType: l.holderCodeType,
        validFrom: l.validFrom,
        validUntil: l.validUntil,
        version: l.version,
      },
    },
    keywords: [l.typeNameZh, l.typeCode, l.identifier],
    producedAt: now,
  };
}

/** `居民身份证-2026-12-02.pdf`: the type in the reader's language and the day it was made. */
export function licenceFileName(l: Pick<LicenceForFile, "typeNameZh" | "typeNameEn">, locale: Locale, today: string): string {
  const t = licenceFileTranslator(locale);
  const type = (locale === "en" ? l.typeNameEn : l.typeNameZh).replace(/[\\/:*?"<>|\s]+/g, "-");
  return t("licenceFile.pdf.fileName", { type, date: today });
}
