import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ModeSwitch } from "@/components/layout/mode-switch";

export type ElderlyService = { href: string; name: string; forName: string | null };

/**
 * 长辈版首页: the five services the resident most likely needs as large buttons, the hotline,
 * and four plain links. Nothing else competes for attention.
 */
export async function ElderlyHome({ name, services }: { name: string; services: ElderlyService[] }) {
  const t = await getTranslations("elderly");
  const big = buttonVariants({ variant: "outline", size: "lg", className: "h-auto min-h-16 w-full justify-between whitespace-normal px-5 py-4 text-left text-lg" });
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-3xl font-bold">{t("homeTitle", { name })}</h1>
        <p className="text-lg">{t("homeDescription")}</p>
        <div>
          <ModeSwitch mode="elderly" variant="panel" label={t("turnOff")} />
        </div>
      </div>
      <section aria-labelledby="elderly-services" className="grid gap-3">
        <h2 id="elderly-services" className="text-2xl font-semibold">
          {t("servicesHeading")}
        </h2>
        <ul className="grid gap-3 md:grid-cols-2">
          {services.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className={big}>
                <span>
                  <span className="block font-semibold">{s.name}</span>
                  {s.forName ? <span className="block text-base font-normal">{t("forWhom", { name: s.forName })}</span> : null}
                </span>
                <span aria-hidden className="text-base font-medium">
                  {t("start")} →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Card>
        <CardHeader>
          <CardTitle as="h2" className="text-2xl">
            {t("phoneHeading")}
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-lg">
          <p>{t("phoneLine")}</p>
          <a href="tel:12345" className={buttonVariants({ size: "lg", className: "w-fit text-lg" })}>
            {t("phoneLink")}
          </a>
        </CardContent>
      </Card>
      <nav aria-label={t("more")} className="grid gap-3 sm:grid-cols-2">
        <Link href="/my/applications" className={big}>
          {t("myApplications")}
        </Link>
        <Link href="/my/licences" className={big}>
          {t("myLicences")}
        </Link>
        <Link href="/services" className={big}>
          {t("allServices")}
        </Link>
        <Link href="/my/appointments" className={big}>
          {t("appointments")}
        </Link>
      </nav>
    </div>
  );
}
