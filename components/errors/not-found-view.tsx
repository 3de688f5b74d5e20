import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** The 404 of every route group: "not there, or not yours" — the two look the same on purpose. */
export async function NotFoundView() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto grid max-w-md gap-4 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("notFound")}</p>
      <Button asChild>
        <Link href="/">{t("backHome")}</Link>
      </Button>
    </div>
  );
}
