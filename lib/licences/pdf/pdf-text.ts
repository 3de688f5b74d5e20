import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont, PDFPage, RGB } from "pdf-lib";
import { fallbackFont, primaryFont, type FontWeight } from "./font-files";

type FontkitFont = ReturnType<typeof fontkit.create>;

/** fontkit parses a 2.5 MB font in about half a second: parse each once per process, reuse it. */
const parsed = new WeakMap<Uint8Array, FontkitFont>();
const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): FontkitFont {
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsed.set(bytes, font);
    }
    return font;
  },
};

type Run = { text: string; font: PDFFont };

/**
 * The fonts of one PDF: the everyday Noto Sans SC per weight, and a fallback file for any rare
 * character, each embedded on first use and subset by pdf-lib when the document is saved.
 */
export class PdfText {
  private readonly embedded = new Map<string, Promise<PDFFont>>();
  private readonly faces = new Map<string, FontkitFont>();

  constructor(private readonly doc: PDFDocument) {
    // pdf-lib only reads `create` from the fontkit it is given.
    doc.registerFontkit(cachingFontkit);
  }

  private embed(file: { key: string; bytes: Buffer }): Promise<PDFFont> {
    let font = this.embedded.get(file.key);
    if (!font) {
      font = this.doc.embedFont(file.bytes, { subset: true });
      this.embedded.set(file.key, font);
      this.faces.set(file.key, cachingFontkit.create(file.bytes));
    }
    return font;
  }

  /** Splits text into runs of one font each; a character no font has becomes "?". */
  async runs(text: string, weight: FontWeight): Promise<Run[]> {
    const primary = primaryFont(weight);
    const primaryPdf = await this.embed(primary);
    const primaryFace = this.faces.get(primary.key)!;
    const out: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let font = primaryPdf;
      let drawn = ch;
      if (!primaryFace.hasGlyphForCodePoint(cp) && cp > 0x20) {
        const fallback = fallbackFont(cp, weight);
        if (fallback) font = await this.embed(fallback);
        else drawn = "?";
      }
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += drawn;
      else out.push({ text: drawn, font });
    }
    return out;
  }

  async width(text: string, size: number, weight: FontWeight): Promise<number> {
    let w = 0;
    for (const run of await this.runs(text, weight)) w += run.font.widthOfTextAtSize(run.text, size);
    return w;
  }

  /** Breaks text into lines no wider than maxWidth (by character: Chinese has no spaces). */
  async wrap(text: string, size: number, weight: FontWeight, maxWidth: number): Promise<string[]> {
    const lines: string[] = [];
    let line = "";
    for (const ch of text) {
      if (line && (await this.width(line + ch, size, weight)) > maxWidth) {
        lines.push(line);
        line = ch.trimStart();
      } else {
        line += ch;
      }
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }

  async draw(page: PDFPage, text: string, opts: { x: number; y: number; size: number; weight: FontWeight; color: RGB }): Promise<void> {
    let x = opts.x;
    for (const run of await this.runs(text, opts.weight)) {
      page.drawText(run.text, { x, y: opts.y, size: opts.size, font: run.font, color: opts.color });
      x += run.font.widthOfTextAtSize(run.text, opts.size);
    }
  }
}
