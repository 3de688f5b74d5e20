import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { CreateStaffForm } from "@/components/admin/create-staff-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { listStaff } from "@/lib/admin/list-staff";
import { listWorkplaces } from "@/lib/admin/list-workplaces";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("adminHome");
  return { title: t("title") };
}

export default async function AdminHomePage() {
  const actor = await requirePageUser("admin");
  const db = await getDb();
  const [t, tn, locale, staff, workplaces] = await Promise.all([
    getTranslations("adminHome"),
    getTranslations("nav"),
    getLocale(),
    listStaff(db, actor),
    listWorkplaces(db, actor),
  ]);
  const en = locale === "en";
  const named = (w: { id: string; nameZh: string; nameEn: string }) => ({ id: w.id, name: en ? w.nameEn : w.nameZh });
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("create.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateStaffForm departments={workplaces.departments.map(named)} centres={workplaces.centres.map(named)} />
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-6">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("staffNo")}</TableHead>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("role")}</TableHead>
                <TableHead>{t("workplace")}</TableHead>
                <TableHead>{t("state")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {staff.map((s) => (
                <TableRow key={s.staffNo}>
                  <TableCell className="font-mono">{s.staffNo}</TableCell>
                  <TableCell>{s.displayName}</TableCell>
                  <TableCell>{tn(`role.${s.role}`)}</TableCell>
                  <TableCell>
                    {[en ? s.departmentEn : s.departmentZh, en ? s.centreEn : s.centreZh].filter(Boolean).join(" · ") ||
                      t("wholeCity")}
                  </TableCell>
                  <TableCell>
                    {!s.active ? (
                      <Badge variant="outline">{t("inactive")}</Badge>
                    ) : s.locked ? (
                      <Badge variant="destructive">{t("locked")}</Badge>
                    ) : (
                      <Badge variant="success">{t("active")}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
