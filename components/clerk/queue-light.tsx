import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { Light } from "@/lib/calendar/application-clock";

const variants: Record<Light, BadgeVariant> = {
  green: "success",
  yellow: "warning",
  red: "destructive",
  paused: "secondary",
  none: "outline",
};

/** The queue's traffic light, in words as well as colour (colour alone is not accessible). */
export async function QueueLight({ light }: { light: Light }) {
  const t = await getTranslations("counter.light");
  return <Badge variant={variants[light]}>{t(light)}</Badge>;
}
