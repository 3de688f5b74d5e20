import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";

/**
 * Noto Sans SC from @fontsource/noto-sans-sc (OFL), embedded in licence PDFs. The package ships
 * WOFF files; fontkit re-inflates a WOFF table on every glyph read (seconds for one page), so
 * each file is turned back into a plain TrueType font once per process and kept in memory.
 *
 * The "chinese-simplified" file holds the 8,000-odd glyphs of everyday Chinese plus Latin; a
 * character outside it (a rare name character) comes from the numbered unicode-range file that
 * holds it. pdf-lib then subsets every embedded font to the glyphs drawn, so a licence PDF
 * carries a few hundred glyphs, not the whole font.
 */
export type FontWeight = 400 | 700;

const PACKAGE_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-sc");

/**
 * Hinting that subsetting breaks: fontkit's subsetter keeps `prep` but not what it relies on,
 * and FreeType-based viewers (poppler, Chrome's PDFium) then drop glyphs. Text in a PDF is
 * scaled anyway, so the hints go.
 */
const DROPPED_TABLES = new Set(["prep", "gasp"]);

/** WOFF 1.0 → its tables, inflated, by tag (minus DROPPED_TABLES). */
function woffTables(woff: Buffer): { flavor: number; tables: Map<string, { checksum: number; data: Buffer }> } {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF 1.0 font");
  const tables = new Map<string, { checksum: number; data: Buffer }>();
  for (let i = 0; i < woff.readUInt16BE(12); i++) {
    const entry = 44 + i * 20;
    const tag = woff.toString("latin1", entry, entry + 4);
    if (DROPPED_TABLES.has(tag)) continue;
    const start = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(start, start + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`WOFF table ${tag}: length mismatch`);
    tables.set(tag, { checksum: woff.readUInt32BE(entry + 16), data });
  }
  return { flavor: woff.readUInt32BE(4), tables };
}

/**
 * Every glyph padded to a multiple of 4 bytes, with a long `loca`. The subsetter writes a short
 * `loca` (offsets / 2) for a small subset but copies glyphs at their own length, so one
 * odd-length glyph shifts every glyph after it and viewers draw blanks.
 */
function padGlyphs(tables: Map<string, { checksum: number; data: Buffer }>): void {
  const head = tables.get("head");
  const loca = tables.get("loca");
  const glyf = tables.get("glyf");
  const maxp = tables.get("maxp");
  if (!head || !loca || !glyf || !maxp) return;
  const numGlyphs = maxp.data.readUInt16BE(4);
  const long = head.data.readInt16BE(50) === 1;
  const offset = (i: number) => (long ? loca.data.readUInt32BE(i * 4) : loca.data.readUInt16BE(i * 2) * 2);
  const glyphs: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let at = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const glyph = glyf.data.subarray(offset(i), offset(i + 1));
    const padded = Buffer.alloc((glyph.length + 3) & ~3);
    glyph.copy(padded);
    newLoca.writeUInt32BE(at, i * 4);
    glyphs.push(padded);
    at += padded.length;
  }
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  head.data.writeInt16BE(1, 50);
  tables.set("loca", { checksum: 0, data: newLoca });
  tables.set("glyf", { checksum: 0, data: Buffer.concat(glyphs) });
}

/** WOFF 1.0 → SFNT (TrueType bytes fontkit reads directly), glyphs padded for subsetting. */
export function woffToSfnt(woff: Buffer): Buffer {
  const { flavor, tables } = woffTables(woff);
  padGlyphs(tables);
  const entries = [...tables.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const numTables = entries.length;
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector += 1;
  }
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  for (const [i, [tag, { checksum, data }]] of entries.entries()) {
    const dir = 12 + 16 * i;
    header.write(tag, dir, "latin1");
    header.writeUInt32BE(checksum, dir + 4);
    header.writeUInt32BE(offset, dir + 8);
    header.writeUInt32BE(data.length, dir + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([header, ...bodies]);
}

type Cache = { files: Map<string, Buffer>; ranges: { file: string; from: number; to: number }[] | null };
const globalForFonts = globalThis as unknown as { onewindowPdfFonts?: Cache };
const cache: Cache = (globalForFonts.onewindowPdfFonts ??= { files: new Map(), ranges: null });

function loadFile(name: string): Buffer {
  let ttf = cache.files.get(name);
  if (!ttf) {
    ttf = woffToSfnt(readFileSync(path.join(PACKAGE_DIR, "files", name)));
    cache.files.set(name, ttf);
  }
  return ttf;
}

/** The everyday font of one weight, as TrueType bytes. */
export function primaryFont(weight: FontWeight): { key: string; bytes: Buffer } {
  const key = `noto-sans-sc-chinese-simplified-${weight}-normal.woff`;
  return { key, bytes: loadFile(key) };
}

function unicodeRanges(): NonNullable<Cache["ranges"]> {
  if (!cache.ranges) {
    const map = JSON.parse(readFileSync(path.join(PACKAGE_DIR, "unicode.json"), "utf8")) as Record<string, string>;
    const ranges: NonNullable<Cache["ranges"]> = [];
    for (const [subset, list] of Object.entries(map)) {
      const n = /^\[(\d+)\]$/.exec(subset)?.[1];
      if (!n) continue;
      for (const part of list.split(",")) {
        const m = /^U\+([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part.trim());
        if (!m) continue;
        ranges.push({ file: n, from: parseInt(m[1]!, 16), to: parseInt(m[2] ?? m[1]!, 16) });
      }
    }
    cache.ranges = ranges;
  }
  return cache.ranges;
}

/** The numbered unicode-range file that holds `codePoint`, or null when the family lacks it. */
export function fallbackFont(codePoint: number, weight: FontWeight): { key: string; bytes: Buffer } | null {
  const range = unicodeRanges().find((r) => codePoint >= r.from && codePoint <= r.to);
  if (!range) return null;
  const key = `noto-sans-sc-${range.file}-${weight}-normal.woff`;
  return { key, bytes: loadFile(key) };
}
