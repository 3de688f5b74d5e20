import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ApplicationStatus } from "@/db/schema/enums";

const variants: Record<ApplicationStatus, BadgeVariant> = {
  draft: "outline",
  awaiting: "secondary",
  submitted: "secondary",
  supplement_requested: "warning",
  accepted: "default",
  approved: "default",
  completed: "success",
  rejected: "destructive",
  withdrawn: "outline",
};

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("status");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}
