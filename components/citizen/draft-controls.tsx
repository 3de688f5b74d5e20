"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { deleteDraftAction, saveDraftAction } from "@/app/(citizen)/my/apply/draft-actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DraftTarget } from "@/lib/applications/drafts";

type Snapshot = { answers: Record<string, string>; uploads: Record<string, string> };

type Props = {
  target: DraftTarget;
  subjectId: string | null;
  /** When the draft the page restored was saved, if any. */
  restoredAt: string | null;
  snapshot: () => Snapshot;
  onDiscarded: () => void;
};

/**
 * "保存草稿 / 放弃草稿": keeps what the resident typed (valid or not) so they can come back to it.
 * No validation runs here: a draft may be incomplete; the server checks its shape and size.
 */
export function DraftControls({ target, subjectId, restoredAt, snapshot, onDiscarded }: Props) {
  const t = useTranslations("drafts");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const [savedAt, setSavedAt] = useState<{ at: string; restored: boolean } | null>(restoredAt ? { at: restoredAt, restored: true } : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    const result = await saveDraftAction({ target, subjectPersonId: subjectId, ...snapshot() });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSavedAt({ at: result.data.updatedAt, restored: false });
  }

  async function discard() {
    setBusy(true);
    setError(null);
    const result = await deleteDraftAction(target);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSavedAt(null);
    onDiscarded();
    router.refresh();
  }

  const when = savedAt ? format.dateTime(new Date(savedAt.at), { dateStyle: "medium", timeStyle: "medium" }) : "";
  return (
    <div className="grid gap-2">
      {savedAt ? (
        <Alert variant={savedAt.restored ? "default" : "success"} role="status" data-testid="draft-notice">
          <AlertDescription>{t(savedAt.restored ? "restored" : "saved", { time: when })}</AlertDescription>
        </Alert>
      ) : null}
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={() => void save()} disabled={!hydrated || busy}>
          {t("save")}
        </Button>
        {savedAt ? (
          <Button type="button" variant="ghost" onClick={() => void discard()} disabled={!hydrated || busy}>
            {t("discard")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
