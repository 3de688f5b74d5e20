import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";

export type SearchFormValues = { q: string; theme: string; department: string };
export type DepartmentChoice = { code: string; nameZh: string; nameEn: string; serviceCount: number };

/**
 * The catalogue's search and filters: one GET form, so every filter keeps the others and the
 * result is a shareable URL. Works without JavaScript.
 */
export async function ServiceSearchForm({
  values,
  themes,
  departments,
  maxChars,
}: {
  values: SearchFormValues;
  themes: readonly string[];
  departments: DepartmentChoice[];
  maxChars: number;
}) {
  const [t, tl, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("landing"), getLocale()]);
  const en = locale === "en";
  const filtered = values.q !== "" || values.theme !== "" || values.department !== "";
  return (
    <form
      method="get"
      action="/services"
      role="search"
      aria-label={t("search.formLabel")}
      className="grid gap-4 rounded-lg border bg-card p-4 shadow-sm md:grid-cols-[2fr_1fr_1fr_auto] md:items-end"
    >
      <div className="grid gap-2">
        <Label htmlFor="catalogue-q">{t("search.label")}</Label>
        <Input
          id="catalogue-q"
          name="q"
          type="search"
          defaultValue={values.q}
          maxLength={maxChars}
          placeholder={t("search.placeholder")}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="catalogue-theme">{t("search.theme")}</Label>
        <SelectNative id="catalogue-theme" name="theme" defaultValue={values.theme}>
          <option value="">{t("search.allThemes")}</option>
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {tl(`themes.${theme}`)}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="catalogue-department">{t("search.department")}</Label>
        <SelectNative id="catalogue-department" name="department" defaultValue={values.department}>
          <option value="">{t("search.allDepartments")}</option>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {en ? d.nameEn : d.nameZh}（{d.serviceCount}）
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="flex gap-2">
        <Button type="submit">{t("search.submit")}</Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/services">{t("search.clear")}</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
