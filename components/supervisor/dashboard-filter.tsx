import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { CHANNELS, GROUP_BYS, type DashboardFilter } from "@/lib/metrics/dashboard-schema";

type Option = { id: string; nameZh: string; nameEn: string };

/** The dashboard's filter as a plain GET form: every cut is a URL, so it can be bookmarked and shared. */
export async function DashboardFilterForm({
  filter,
  period,
  options,
  en,
}: {
  filter: DashboardFilter;
  period: { from: string; to: string };
  options: { services: Option[]; departments: Option[]; centres: Option[] };
  en: boolean;
}) {
  const t = await getTranslations("dashboard");
  const name = (o: Option) => (en ? o.nameEn : o.nameZh);
  const select = (id: keyof DashboardFilter, list: { value: string; label: string }[], value: string | undefined, all = true) => (
    <div className="grid gap-1">
      <Label htmlFor={`f-${id}`}>{t(`filters.${id}`)}</Label>
      <SelectNative id={`f-${id}`} name={id} defaultValue={value ?? ""}>
        {all ? <option value="">{t("filters.all")}</option> : null}
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectNative>
    </div>
  );
  return (
    <form method="get" action="/supervisor/dashboard" aria-label={t("filters.legend")} className="grid gap-3 rounded-lg border p-4 md:grid-cols-4">
      <div className="grid gap-1">
        <Label htmlFor="f-from">{t("filters.from")}</Label>
        <Input id="f-from" name="from" type="date" defaultValue={filter.month ? "" : period.from} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-to">{t("filters.to")}</Label>
        <Input id="f-to" name="to" type="date" defaultValue={filter.month ? "" : period.to} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-month">{t("filters.month")}</Label>
        <Input id="f-month" name="month" type="month" defaultValue={filter.month ?? ""} />
      </div>
      {select("groupBy", GROUP_BYS.map((g) => ({ value: g, label: t(`groupBy.${g}`) })), filter.groupBy, false)}
      {select("service", options.services.map((o) => ({ value: o.id, label: name(o) })), filter.service)}
      {select("department", options.departments.map((o) => ({ value: o.id, label: name(o) })), filter.department)}
      {select("centre", options.centres.map((o) => ({ value: o.id, label: name(o) })), filter.centre)}
      {select("channel", CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })), filter.channel)}
      <div className="flex items-end gap-2 md:col-span-4">
        <Button type="submit">{t("filters.apply")}</Button>
        <Button asChild variant="outline">
          <Link href="/supervisor/dashboard">{t("filters.reset")}</Link>
        </Button>
      </div>
    </form>
  );
}
