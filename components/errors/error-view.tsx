"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import en from "@/lib/i18n/messages/en/outage.json";
import zh from "@/lib/i18n/messages/zh-CN/outage.json";

/**
 * What a route group shows when a page cannot be rendered: most often the database is briefly
 * away. It says so in plain words, offers to try again, and reminds the person that a form they
 * were filling in keeps its input (actions answer failures to the form; nothing is thrown at it).
 * In Chinese and English at once, from the small `outage` catalogue bundled with it: the error
 * boundary renders where no message provider may be (the root sends none to the browser), and
 * the locale itself may be what failed to load.
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto grid max-w-lg gap-4 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{zh.outageTitle}</h1>
      <p className="text-muted-foreground">{zh.outage}</p>
      <h2 className="text-lg font-semibold" lang="en">
        {en.outageTitle}
      </h2>
      <p className="text-muted-foreground" lang="en">
        {en.outage}
      </p>
      <div className="flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          {zh.retry} · <span lang="en">{en.retry}</span>
        </Button>
        <Button asChild variant="outline">
          <Link href="/">
            {zh.backHome} · <span lang="en">{en.backHome}</span>
          </Link>
        </Button>
      </div>
      {error.digest ? <p className="text-xs text-muted-foreground">{zh.reference.replace("{digest}", error.digest)}</p> : null}
    </div>
  );
}
