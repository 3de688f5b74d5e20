import { PDFDocument, PDFHexString, PDFName, PDFString, rgb, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { SEAL_HEX_LENGTH, SEAL_KEY, LICENCE_KEY } from "./pdf-seal";
import { PdfText } from "./pdf-text";

/** Everything a licence PDF prints, already in the reader's language: the renderer only lays it out. */
export type LicencePdfContent = {
  /** BCP 47 tag of the text, for the PDF's /Lang (screen readers). */
  lang: string;
  heading: string;
  title: string;
  /** One line under the title: the status when the file was made. */
  statusLine: string;
  sections: { heading: string; rows: { label: string; value: string }[] }[];
  qr: { url: string; caption: string };
  notes: string[];
  /** What the seal names: the verify page looks this licence up in the library. */
  licence: { identifier: string; version: number };
  /** Machine-readable copy of the core metadata, attached to the PDF. */
  attachment: { fileName: string; json: unknown };
  keywords: string[];
  producedAt: Date;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.36, 0.42);
const RULE = rgb(0.78, 0.8, 0.84);
const ACCENT = rgb(0.64, 0.09, 0.09);

/**
 * Lays out one licence on A4 pages and leaves a blank seal (SEAL_KEY, 64 zero bytes as hex) in
 * the document catalogue for sealPdf to fill. Objects are written uncompressed at the top level
 * (useObjectStreams: false) so the catalogue, and with it the seal, is plain bytes in the file.
 */
export async function renderLicencePdf(content: LicencePdfContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const text = new PdfText(doc);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const newPageIfBelow = (min: number) => {
    if (y < min) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };

  for (const line of await text.wrap(content.heading, 11, 400, width - 150)) {
    await text.draw(page, line, { x: MARGIN, y: y - 11, size: 11, weight: 400, color: ACCENT });
    y -= 15;
  }
  y -= 25;
  for (const line of await text.wrap(content.title, 22, 700, width - 150)) {
    await text.draw(page, line, { x: MARGIN, y, size: 22, weight: 700, color: INK });
    y -= 30;
  }
  await text.draw(page, content.statusLine, { x: MARGIN, y, size: 11, weight: 400, color: MUTED });

  // The QR code of /verify, top right, drawn as vector modules.
  const qr = QRCode.create(content.qr.url, { errorCorrectionLevel: "M" });
  const cells = qr.modules.size;
  const qrSize = 120;
  const cell = qrSize / (cells + 8);
  const qrX = A4[0] - MARGIN - qrSize;
  const qrTop = A4[1] - MARGIN;
  page.drawRectangle({ x: qrX, y: qrTop - qrSize, width: qrSize, height: qrSize, color: rgb(1, 1, 1) });
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      if (qr.modules.get(r, c)) {
        page.drawRectangle({ x: qrX + (c + 4) * cell, y: qrTop - (r + 5) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
      }
    }
  }
  let captionY = qrTop - qrSize - 12;
  for (const line of await text.wrap(content.qr.caption, 8, 400, qrSize)) {
    await text.draw(page, line, { x: qrX, y: captionY, size: 8, weight: 400, color: MUTED });
    captionY -= 11;
  }
  y = Math.min(y - 28, captionY - 12);

  const labelWidth = 150;
  for (const section of content.sections) {
    newPageIfBelow(MARGIN + 80);
    await text.draw(page, section.heading, { x: MARGIN, y, size: 13, weight: 700, color: INK });
    y -= 8;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.8, color: RULE });
    y -= 18;
    for (const row of section.rows) {
      const lines = await text.wrap(row.value || "—", 10.5, 400, width - labelWidth);
      newPageIfBelow(MARGIN + 15 * lines.length + 10);
      await text.draw(page, row.label, { x: MARGIN, y, size: 10.5, weight: 400, color: MUTED });
      for (const line of lines) {
        await text.draw(page, line, { x: MARGIN + labelWidth, y, size: 10.5, weight: 400, color: INK });
        y -= 14.5;
      }
      y -= 2.5;
    }
    y -= 14;
  }

  for (const note of content.notes) {
    const lines = await text.wrap(note, 9, 400, width);
    newPageIfBelow(MARGIN + 12 * lines.length);
    for (const line of lines) {
      await text.draw(page, line, { x: MARGIN, y, size: 9, weight: 400, color: MUTED });
      y -= 12;
    }
    y -= 4;
  }

  doc.setTitle(content.title, { showInWindowTitleBar: true });
  doc.setSubject(content.licence.identifier);
  doc.setKeywords(content.keywords);
  doc.setLanguage(content.lang);
  doc.setProducer("OneWindow licence library");
  doc.setCreator("OneWindow");
  doc.setCreationDate(content.producedAt);
  doc.setModificationDate(content.producedAt);
  await doc.attach(Buffer.from(JSON.stringify(content.attachment.json, null, 2), "utf8"), content.attachment.fileName, {
    mimeType: "application/json",
    description: "GB/T 36903 core metadata",
    creationDate: content.producedAt,
    modificationDate: content.producedAt,
  });
  doc.catalog.set(PDFName.of(LICENCE_KEY), PDFString.of(`${content.licence.identifier}~${content.licence.version}`));
  doc.catalog.set(PDFName.of(SEAL_KEY), PDFHexString.of("0".repeat(SEAL_HEX_LENGTH)));
  return doc.save({ useObjectStreams: false });
}
