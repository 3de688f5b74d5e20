"use client";

import "./globals.css";

/**
 * When even the root layout cannot render (it reads the session, so the database being away
 * lands here): a page of its own, in Chinese and English, since the message catalogue is part
 * of what failed to load.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-muted/40 antialiased">
        <main className="mx-auto grid max-w-lg gap-4 px-4 py-16 text-center" role="alert">
          <p className="text-sm font-medium text-primary">一窗通办 · OneWindow</p>
          <h1 className="text-2xl font-semibold">服务暂时不可用</h1>
          <p className="text-muted-foreground">
            系统正在恢复，请稍后重试。您正在填写、尚未提交的内容仍保留在原页面上，恢复后再提交即可。
          </p>
          <h2 className="text-lg font-semibold" lang="en">
            The service is briefly unavailable
          </h2>
          <p className="text-muted-foreground" lang="en">
            We are restoring it: please try again in a moment. A form you were filling in keeps what you typed; submit it again once we are back.
          </p>
          <div className="flex justify-center gap-3">
            <button type="button" onClick={reset} className="rounded-md bg-primary px-4 py-2 text-primary-foreground">
              重试 · Try again
            </button>
            {/* A full page load: the router itself may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="rounded-md border px-4 py-2">
              返回首页 · Home
            </a>
          </div>
          {error.digest ? <p className="text-xs text-muted-foreground">错误编号 · Reference {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
