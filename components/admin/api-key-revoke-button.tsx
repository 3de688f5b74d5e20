"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { revokeApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

/** Revokes one key after a confirmation; systems using it are refused from the next request. */
export function ApiKeyRevokeButton({ id, prefix }: { id: string; prefix: string }) {
  const t = useTranslations("library.apiKeys");
  const hydrated = useHydrated();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="destructive"
        disabled={!hydrated || busy}
        aria-label={`${t("revoke")} ${prefix}`}
        onClick={async () => {
          if (!window.confirm(t("confirmRevoke", { prefix }))) return;
          setBusy(true);
          const result = await revokeApiKeyAction({ id });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          setError(null);
          router.refresh();
        }}
      >
        {busy ? t("revoking") : t("revoke")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      ) : null}
    </span>
  );
}
