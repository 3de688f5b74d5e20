import Image from "next/image";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";

/**
 * 亮证: the QR code of one licence, drawn on the server as an SVG data URL, with the same link
 * as text for anyone who cannot scan (and for screen readers). The code is signed by the
 * library (lib/licences/verify-code.ts), so an edited link verifies as invalid.
 */
export async function LicenceQr({ url, typeName }: { url: string; typeName: string }) {
  const t = await getTranslations("library.qr");
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
  return (
    <details className="rounded-md border p-3">
      <summary className="cursor-pointer text-sm font-medium">{t("show")}</summary>
      <div className="mt-3 grid justify-items-center gap-2 text-center">
        <Image src={src} alt={t("alt", { type: typeName })} width={192} height={192} unoptimized className="bg-white" />
        <a href={url} className="text-sm font-medium text-primary hover:underline" data-testid="licence-verify-link">
          {t("link")}
        </a>
        <p className="text-xs text-muted-foreground">{t("hint")}</p>
      </div>
    </details>
  );
}
