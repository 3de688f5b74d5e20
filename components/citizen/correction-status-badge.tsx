import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

const variants: Record<string, BadgeVariant> = { open: "warning", corrected: "success", declined: "secondary" };

/** The state of a correction request, for the resident and the clerk alike. */
export function CorrectionStatusBadge({ status }: { status: "open" | "corrected" | "declined" }) {
  const t = useTranslations("corrections.status");
  return (
    <Badge variant={variants[status] ?? "outline"} data-status={status}>
      {t(status)}
    </Badge>
  );
}
