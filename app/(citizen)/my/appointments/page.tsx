import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BookAppointmentForm } from "@/components/citizen/book-appointment-form";
import { CancelAppointmentButton } from "@/components/citizen/cancel-appointment-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectNative } from "@/components/ui/select-native";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAppointmentOptions } from "@/lib/appointments/list-appointment-options";
import { listAvailableSlots } from "@/lib/appointments/list-available-slots";
import { listMyAppointments } from "@/lib/appointments/list-my-appointments";
import { appointmentSearchSchema } from "@/lib/appointments/schemas";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("appointments");
  return { title: t("title") };
}

export default async function MyAppointmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("citizen");
  const db = await getDb();
  const [query, t, format, locale] = await Promise.all([searchParams, getTranslations("appointments"), getFormatter(), getLocale()]);
  const en = locale === "en";
  const search = appointmentSearchSchema.parse(query);
  const [mine, options] = await Promise.all([listMyAppointments(db, actor), listAppointmentOptions(db, actor)]);

  const service = options.find((s) => s.code === search.service);
  const centre = service?.centres.find((c) => c.code === search.centre);
  const days = service && centre ? await listAvailableSlots(db, actor, { serviceCode: service.code, centreCode: centre.code }) : [];
  // Before a service is chosen, offer every centre that takes any visit service.
  const centreChoices = service
    ? service.centres
    : [...new Map(options.flatMap((s) => s.centres).map((c) => [c.code, c])).values()];
  const when = (startsAt: string, endsAt: string) =>
    `${format.dateTime(new Date(startsAt), { dateStyle: "medium", timeStyle: "short" })}–${format.dateTime(new Date(endsAt), { timeStyle: "short" })}`;

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("mine.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {mine.length === 0 ? (
            <p className="text-muted-foreground">{t("mine.empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("mine.service")}</TableHead>
                  <TableHead>{t("mine.centre")}</TableHead>
                  <TableHead>{t("mine.time")}</TableHead>
                  <TableHead>{t("mine.status")}</TableHead>
                  <TableHead>{t("mine.actions")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {mine.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{en ? a.serviceEn : a.serviceZh}</TableCell>
                    <TableCell>
                      {en ? a.centreEn : a.centreZh}
                      <span className="block text-xs text-muted-foreground">{en ? a.addressEn : a.addressZh}</span>
                    </TableCell>
                    <TableCell>{when(a.startsAt, a.endsAt)}</TableCell>
                    <TableCell>
                      <Badge variant={a.status === "booked" ? "default" : "secondary"}>{t(`statuses.${a.status}`)}</Badge>
                    </TableCell>
                    <TableCell>
                      {a.cancellable ? (
                        <CancelAppointmentButton
                          appointmentId={a.id}
                          label={`${en ? a.serviceEn : a.serviceZh} ${when(a.startsAt, a.endsAt)}`}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("book.title")}</CardTitle>
          <CardDescription>{t("book.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("book.title")}>
            <div className="grid gap-2">
              <label htmlFor="appointment-service" className="text-sm font-medium">
                {t("book.serviceLabel")}
              </label>
              <SelectNative id="appointment-service" name="service" defaultValue={service?.code ?? ""} wrapperClassName="w-64">
                <option value="">{t("book.choose")}</option>
                {options.map((s) => (
                  <option key={s.code} value={s.code}>
                    {en ? s.nameEn : s.nameZh}
                  </option>
                ))}
              </SelectNative>
            </div>
            <div className="grid gap-2">
              <label htmlFor="appointment-centre" className="text-sm font-medium">
                {t("book.centreLabel")}
              </label>
              <SelectNative id="appointment-centre" name="centre" defaultValue={search.centre ?? ""} wrapperClassName="w-64">
                <option value="">{t("book.choose")}</option>
                {centreChoices.map((c) => (
                  <option key={c.code} value={c.code}>
                    {en ? c.nameEn : c.nameZh}
                  </option>
                ))}
              </SelectNative>
            </div>
            <Button type="submit" variant="outline">
              {t("book.show")}
            </Button>
          </form>

          {service && search.centre && !centre ? <p role="status">{t("book.noCentre")}</p> : null}
          {service && centre ? (
            <section className="grid gap-4" aria-labelledby="slots-title">
              <div className="grid gap-1 text-sm">
                <h3 id="slots-title" className="text-base font-semibold">
                  {t("book.slotsTitle")} · {en ? service.nameEn : service.nameZh} · {en ? centre.nameEn : centre.nameZh}
                </h3>
                <p className="text-muted-foreground">
                  {t("book.address", { value: en ? centre.addressEn : centre.addressZh })}
                </p>
                <p className="text-muted-foreground">
                  {t("book.hours", { value: en ? centre.hoursEn : centre.hoursZh })}
                </p>
              </div>
              {days.length === 0 ? (
                <p>{t("book.noSlots")}</p>
              ) : (
                <BookAppointmentForm key={`${service.code}:${centre.code}`} serviceCode={service.code} days={days} />
              )}
            </section>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
