"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import {
  checkServiceDocumentAction,
  discardServiceDraftAction,
  estimateEligibleAction,
  previewServiceAction,
  publishServiceDraftAction,
  saveServiceDraftAction,
  type IssueText,
} from "@/app/(admin)/admin/services/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";

const TEXT_FIELDS = ["nameZh", "nameEn", "department", "keywords"] as const;
const LONG_FIELDS = ["descriptionZh", "descriptionEn", "whoMayApplyZh", "whoMayApplyEn"] as const;
const NUMBER_FIELDS = ["legalLimitDays", "promisedLimitDays", "feeYuan"] as const;
const JSON_SECTIONS = ["form", "materials", "approvalHints", "workflow", "eligibility"] as const;
type JsonSection = (typeof JSON_SECTIONS)[number];

type Values = {
  code: string;
  theme: string;
  issues: string;
  automaticChecks: string;
  onTheSpot: boolean;
  requiresVisit: boolean;
  note: string;
} & Record<(typeof TEXT_FIELDS)[number] | (typeof LONG_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | JsonSection, string>;

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v, null, 2));
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

function valuesOf(doc: Record<string, unknown>): Values {
  return {
    code: str(doc.code),
    theme: str(doc.theme) || "elderly",
    issues: str(doc.issues),
    automaticChecks: str(doc.automaticChecks),
    onTheSpot: doc.onTheSpot === true,
    requiresVisit: doc.requiresVisit === true,
    note: "",
    ...(Object.fromEntries([...TEXT_FIELDS, ...LONG_FIELDS, ...NUMBER_FIELDS].map((k) => [k, str(doc[k])])) as Record<string, string>),
    ...(Object.fromEntries(JSON_SECTIONS.map((k) => [k, json(doc[k])])) as Record<JsonSection, string>),
  } as Values;
}

/** The document the form says, and which JSON sections do not parse. */
function documentOf(v: Values): { doc: Record<string, unknown>; badJson: Partial<Record<JsonSection, string>> } {
  const badJson: Partial<Record<JsonSection, string>> = {};
  const section = (k: JsonSection, empty: unknown) => {
    const text = v[k].trim();
    if (text === "") return empty;
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      badJson[k] = e instanceof Error ? e.message : String(e);
      return empty;
    }
  };
  const num = (s: string) => (s.trim() === "" || Number.isNaN(Number(s)) ? s : Number(s));
  const doc: Record<string, unknown> = {
    code: v.code.trim(),
    ...Object.fromEntries([...TEXT_FIELDS, ...LONG_FIELDS].map((k) => [k, v[k]])),
    ...Object.fromEntries(NUMBER_FIELDS.map((k) => [k, num(v[k])])),
    theme: v.theme,
    onTheSpot: v.onTheSpot,
    requiresVisit: v.requiresVisit,
    issues: v.issues || null,
    automaticChecks: v.automaticChecks.trim() || null,
    form: section("form", []),
    materials: section("materials", []),
    approvalHints: section("approvalHints", []),
    workflow: section("workflow", null),
    eligibility: section("eligibility", null),
  };
  return { doc, badJson };
}

const sectionOf = (path: string) => path.split(/[.[]/)[0] ?? "";

type Preview = {
  residentName: string;
  fields: { name: string; labelZh: string; labelEn: string; value: string | null; prefilled: boolean }[];
  materials: { nameZh: string; nameEn: string; kind: string; inLibrary: boolean | null }[];
};
type Estimate = { count: number; sample: { name: string; idNumber: string; subjectName: string }[] } | null;

/**
 * The service designer: every part of a service definition, checked on the server as it is
 * typed (issues by path, next to the part they concern), saved as a draft that affects nobody,
 * previewed for a test resident, and published as a new version.
 */
export function ServiceDesigner({
  initial,
  isNew,
  hasDraft = false,
  themes,
  licenceTypes,
  locale,
}: {
  initial: Record<string, unknown>;
  isNew: boolean;
  hasDraft?: boolean;
  themes: { value: string; label: string }[];
  licenceTypes: { key: string; name: string }[];
  locale: string;
}) {
  const t = useTranslations("catalogueAdmin");
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ defaultValues: valuesOf(initial) });
  const values = useWatch({ control: form.control }) as Values;
  const { doc, badJson } = useMemo(() => documentOf(values), [values]);
  const docKey = JSON.stringify(doc);
  const [checked, setChecked] = useState<{ key: string; issues: IssueText[] } | null>(null);
  const issues = checked?.issues ?? null;
  const checking = checked?.key !== docKey;
  const setIssues = (list: IssueText[]) => setChecked({ key: docKey, issues: list });
  const [status, setStatus] = useState<{ kind: "success" | "destructive"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [idNumber, setIdNumber] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [estimate, setEstimate] = useState<Estimate | undefined>(undefined);
  const latest = useRef(0);

  // Live validation: the server checks the document (shape and references) a moment after typing stops.
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void checkServiceDocumentAction({ definition: JSON.parse(docKey) as Record<string, unknown> }).then((r) => {
        if (ticket !== latest.current) return;
        setChecked({ key: docKey, issues: r.ok ? r.data.issues : [{ path: "", text: r.message }] });
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [docKey]);

  const all = [
    ...Object.entries(badJson).map(([k, e]) => ({ path: k, text: t("editor.badJson", { error: e }) })),
    ...(issues ?? []),
  ];
  const errorOf = (field: string) => {
    const mine = all.filter((i) => sectionOf(i.path) === field);
    return mine.length === 0 ? undefined : mine.map((i) => (i.path === field ? i.text : `${i.path}：${i.text}`)).join("；");
  };
  const code = values.code.trim();

  async function save(): Promise<boolean> {
    const r = await saveServiceDraftAction({ code, definition: doc });
    if (!r.ok) {
      setStatus({ kind: "destructive", text: r.message });
      return false;
    }
    setIssues(r.data.issues);
    return true;
  }

  const run = (f: () => Promise<void>) => async () => {
    setBusy(true);
    setStatus(null);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };

  const onSave = run(async () => {
    if (await save()) {
      setStatus({ kind: "success", text: t("editor.saved") });
      if (isNew) router.replace(`/admin/services/${encodeURIComponent(code)}`);
      else router.refresh();
    }
  });
  const onPublish = run(async () => {
    if (!(await save())) return;
    const r = await publishServiceDraftAction({ code, note: values.note });
    if (!r.ok) {
      setStatus({ kind: "destructive", text: r.message });
      return;
    }
    if (!r.data.changed) return setStatus({ kind: "success", text: t("editor.unchanged") });
    // The service's page reopens on the new version and says what was published.
    router.replace(`/admin/services/${encodeURIComponent(code)}?published=${r.data.version}`);
  });
  const onDiscard = run(async () => {
    const r = await discardServiceDraftAction({ code });
    if (!r.ok) return setStatus({ kind: "destructive", text: r.message });
    setStatus({ kind: "success", text: t("editor.discarded") });
    router.refresh();
  });
  const onPreview = run(async () => {
    const r = await previewServiceAction({ definition: doc, idNumber });
    if (!r.ok) return setStatus({ kind: "destructive", text: r.message });
    setPreview(r.data.preview);
    if (r.data.issues.length > 0) setIssues(r.data.issues);
  });
  const onEstimate = run(async () => {
    const r = await estimateEligibleAction({ definition: doc });
    if (!r.ok) return setStatus({ kind: "destructive", text: r.message });
    setEstimate(r.data.estimate);
    if (r.data.issues.length > 0) setIssues(r.data.issues);
  });

  const text = (name: (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | "code" | "automaticChecks", type = "text", hint?: string) => {
    const id = `svc-${name}`;
    const error = errorOf(name);
    return (
      <FormField id={id} label={t(`editor.${name}`)} error={error} hint={hint}>
        <Input
          id={id}
          type={type}
          inputMode={type === "number" ? "numeric" : undefined}
          readOnly={name === "code" && !isNew}
          aria-invalid={error ? true : undefined}
          aria-describedby={formFieldDescribedBy(id, { error, hint })}
          {...form.register(name)}
        />
      </FormField>
    );
  };
  const area = (name: (typeof LONG_FIELDS)[number] | JsonSection, rows: number, hint?: string) => {
    const id = `svc-${name}`;
    const error = errorOf(name);
    const isJson = (JSON_SECTIONS as readonly string[]).includes(name);
    return (
      <FormField id={id} label={isJson ? t(`editor.sections.${name as JsonSection}`) : t(`editor.${name as (typeof LONG_FIELDS)[number]}`)} error={error} hint={hint}>
        <textarea
          id={id}
          rows={rows}
          spellCheck={!isJson}
          className={`w-full rounded-md border border-input bg-background px-3 py-2 text-sm ${isJson ? "font-mono" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={formFieldDescribedBy(id, { error, hint })}
          {...form.register(name)}
        />
      </FormField>
    );
  };
  const check = (name: "onTheSpot" | "requiresVisit") => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4" {...form.register(name)} />
      {t(`editor.${name}`)}
    </label>
  );

  return (
    <form className="grid gap-6" onSubmit={(e) => e.preventDefault()} aria-label={t(isNew ? "editor.newTitle" : "editor.editTitle", { name: values.nameZh })}>
      <div aria-live="polite" className="grid gap-2">
        {status ? (
          <Alert variant={status.kind} role={status.kind === "destructive" ? "alert" : "status"}>
            <AlertDescription>{status.text}</AlertDescription>
          </Alert>
        ) : null}
        {checking && issues === null ? (
          <p className="text-sm text-muted-foreground">{t("editor.checking")}</p>
        ) : all.length === 0 ? (
          <Alert variant="success" role="status">
            <AlertDescription>{t("editor.valid")}</AlertDescription>
          </Alert>
        ) : (
          <Alert variant="warning" role="status" data-testid="designer-issues">
            <AlertTitle>{t("editor.issuesTitle", { count: all.length })}</AlertTitle>
            <AlertDescription>
              <ul className="list-disc pl-5">
                {all.map((i) => (
                  <li key={`${i.path}:${i.text}`}>
                    {i.path ? <code className="font-mono text-xs">{i.path}</code> : null} {i.text}
                  </li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        )}
      </div>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.basics")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {text("code", "text", t("editor.codeHint"))}
          {text("department")}
          {text("nameZh")}
          {text("nameEn")}
          <FormField id="svc-theme" label={t("editor.theme")} error={errorOf("theme")}>
            <SelectNative id="svc-theme" {...form.register("theme")}>
              {themes.map((th) => (
                <option key={th.value} value={th.value}>
                  {th.label}
                </option>
              ))}
            </SelectNative>
          </FormField>
          {text("keywords")}
          {area("descriptionZh", 3)}
          {area("descriptionEn", 3)}
          {area("whoMayApplyZh", 3)}
          {area("whoMayApplyEn", 3)}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.limits")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-3">
          {text("legalLimitDays", "number")}
          {text("promisedLimitDays", "number")}
          {text("feeYuan", "number")}
          {check("onTheSpot")}
          {check("requiresVisit")}
          <FormField id="svc-issues" label={t("editor.issues")} error={errorOf("issues")}>
            <SelectNative id="svc-issues" {...form.register("issues")}>
              <option value="">{t("editor.issuesNone")}</option>
              {licenceTypes.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}（{l.key}）
                </option>
              ))}
            </SelectNative>
          </FormField>
          {text("automaticChecks")}
        </CardContent>
      </Card>

      {JSON_SECTIONS.map((s) => (
        <Card key={s}>
          <CardContent className="pt-6">{area(s, s === "eligibility" || s === "materials" ? 14 : 8, t(`editor.sectionHelp.${s}`))}</CardContent>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.preview")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <p className="text-sm text-muted-foreground">{t("editor.previewHint")}</p>
          <div className="flex flex-wrap items-end gap-2">
            <FormField id="svc-test-resident" label={t("editor.testResident")}>
              <Input id="svc-test-resident" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} className="w-64 font-mono" />
            </FormField>
            <Button type="button" variant="outline" disabled={!hydrated || busy || idNumber.trim().length < 15} onClick={onPreview}>
              {t("editor.previewButton")}
            </Button>
            <Button type="button" variant="outline" disabled={!hydrated || busy} onClick={onEstimate}>
              {t("editor.estimate")}
            </Button>
          </div>
          {preview ? (
            <div className="grid gap-3 md:grid-cols-2" data-testid="designer-preview">
              <div>
                <h3 className="mb-2 font-semibold">{t("editor.previewFor", { name: preview.residentName })}</h3>
                <ul className="grid gap-1 text-sm">
                  {preview.fields.map((f) => (
                    <li key={f.name}>
                      <span className="font-medium">{locale === "en" ? f.labelEn : f.labelZh}</span>：{f.prefilled ? t("editor.prefilled", { value: f.value ?? "" }) : t("editor.typed")}
                    </li>
                  ))}
                </ul>
              </div>
              <ul className="grid gap-1 text-sm">
                {preview.materials.map((m, i) => (
                  <li key={i}>
                    <span className="font-medium">{locale === "en" ? m.nameEn : m.nameZh}</span>：
                    {m.kind === "upload" ? t("editor.upload") : m.kind === "form" ? t("editor.onlineForm") : m.inLibrary ? t("editor.fromLibrary") : t("editor.notInLibrary")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {estimate === undefined ? null : estimate === null ? (
            <p className="text-sm">{t("editor.estimateNone")}</p>
          ) : (
            <div className="grid gap-1 text-sm" data-testid="designer-estimate">
              <p>{t("editor.estimateResult", { count: estimate.count })}</p>
              {estimate.sample.length > 0 ? (
                <p className="text-muted-foreground">
                  {t("editor.sample")}：{estimate.sample.map((s) => `${s.name}（${s.idNumber}）`).join("、")}
                </p>
              ) : null}
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardContent className="grid gap-4 pt-6">
          <FormField id="svc-note" label={t("editor.note")}>
            <Input id="svc-note" {...form.register("note")} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" disabled={!hydrated || busy || code === ""} onClick={onSave}>
              {t("editor.save")}
            </Button>
            <Button type="button" disabled={!hydrated || busy || code === "" || all.length > 0 || checking} onClick={onPublish}>
              {t("editor.publish")}
            </Button>
            {hasDraft ? (
              <Button type="button" variant="ghost" disabled={!hydrated || busy} onClick={onDiscard}>
                {t("editor.discard")}
              </Button>
            ) : null}
          </div>
        </CardContent>
      </Card>
    </form>
  );
}
