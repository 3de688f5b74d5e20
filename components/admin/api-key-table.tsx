import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKeyRow } from "@/lib/api/keys";
import { ApiKeyRevokeButton } from "./api-key-revoke-button";

/** Every key by prefix (never the key), with its department, limit, use and state. */
export async function ApiKeyTable({ keys }: { keys: ApiKeyRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("library.apiKeys"), getFormatter(), getLocale()]);
  if (keys.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("prefix")}</TableHead>
          <TableHead>{t("department")}</TableHead>
          <TableHead>{t("label")}</TableHead>
          <TableHead>{t("rateLimit")}</TableHead>
          <TableHead>{t("createdAt")}</TableHead>
          <TableHead>{t("lastUsedAt")}</TableHead>
          <TableHead>{t("state")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((k) => (
          <TableRow key={k.id}>
            <TableCell className="font-mono">ow_{k.prefix}_…</TableCell>
            <TableCell>{locale === "en" ? k.departmentEn : k.departmentZh}</TableCell>
            <TableCell>{k.label}</TableCell>
            <TableCell>{t("perMinute", { count: k.rateLimitPerMinute })}</TableCell>
            <TableCell>{when(k.createdAt)}</TableCell>
            <TableCell>{k.lastUsedAt ? when(k.lastUsedAt) : t("never")}</TableCell>
            <TableCell>
              {k.revokedAt ? (
                <Badge variant="outline">{t("revoked")}</Badge>
              ) : (
                <span className="inline-flex items-center gap-2">
                  <Badge variant="success">{t("active")}</Badge>
                  <ApiKeyRevokeButton id={k.id} prefix={k.prefix} />
                </span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
