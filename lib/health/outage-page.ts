import { RETRY_AFTER_SECONDS } from "@/lib/errors";

/**
 * The page proxy.ts answers with (503, Retry-After) while the database is away: complete in
 * itself — no database, no message catalogue, no scripts — in Chinese first, then English.
 * It refreshes itself after the Retry-After so the person returns to what they asked for.
 */
export const OUTAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}">
<title>服务暂时不可用 · 一窗通办</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f4f6f8;color:#1f2933}
main{max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgba(0,0,0,.08);text-align:center}
.brand{color:#b91c1c;font-weight:600;font-size:.9rem}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
p{line-height:1.6;color:#52606d}a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:.375rem;background:#b91c1c;color:#fff;text-decoration:none}
</style></head>
<body><main role="alert">
<p class="brand">一窗通办 · OneWindow</p>
<h1>服务暂时不可用</h1>
<p>系统正在恢复，请稍后重试；页面会在几秒后自动刷新。您正在填写、尚未提交的内容仍保留在原页面上，恢复后再提交即可。</p>
<h2 lang="en">The service is briefly unavailable</h2>
<p lang="en">We are restoring it; this page refreshes itself in a few seconds. A form you were filling in keeps what you typed: submit it again once we are back.</p>
<a href="">重试 · Try again</a>
</main></body></html>`;
