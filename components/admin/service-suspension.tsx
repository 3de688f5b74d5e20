"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setServiceSuspensionAction } from "@/app/(admin)/admin/services/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** 暂停办理 with the reason residents read on the guide, or 恢复办理. */
export function ServiceSuspension({ code, active, notice }: { code: string; active: boolean; notice: { zh: string | null; en: string | null } }) {
  const t = useTranslations("catalogueAdmin.suspend");
  const hydrated = useHydrated();
  const router = useRouter();
  const [noticeZh, setNoticeZh] = useState(notice.zh ?? "");
  const [noticeEn, setNoticeEn] = useState(notice.en ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (suspended: boolean) => {
    setBusy(true);
    const r = await setServiceSuspensionAction({ code, suspended, noticeZh, noticeEn });
    setBusy(false);
    setMessage(r.ok ? { ok: true, text: t("done") } : { ok: false, text: r.fieldErrors.noticeZh ?? r.message });
    if (r.ok) router.refresh();
  };
  return (
    <div className="grid gap-3">
      {!active && notice.zh ? <p className="text-sm font-medium">{t("suspendedNow", { notice: notice.zh })}</p> : null}
      {active ? (
        <>
          <FormField id="svc-notice-zh" label={t("notice")}>
            <Input id="svc-notice-zh" value={noticeZh} onChange={(e) => setNoticeZh(e.target.value)} />
          </FormField>
          <FormField id="svc-notice-en" label={t("noticeEn")}>
            <Input id="svc-notice-en" value={noticeEn} onChange={(e) => setNoticeEn(e.target.value)} />
          </FormField>
        </>
      ) : null}
      <div>
        <Button type="button" variant={active ? "destructive" : "default"} disabled={!hydrated || busy} onClick={() => void submit(active)}>
          {active ? t("suspend") : t("resume")}
        </Button>
      </div>
      {message ? (
        <Alert variant={message.ok ? "success" : "destructive"} role={message.ok ? "status" : "alert"}>
          <AlertDescription>{message.text}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
