"use client";

import Link from "next/link";
import { useFormatter } from "next-intl";
import { useMemo, useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Cell, ColumnKind, DataTable } from "@/lib/metrics/dashboard-tables";
import { chinaDateTime } from "@/lib/metrics/dashboard-tables";

type Props = {
  table: DataTable;
  /** Column key → header text. */
  headers: Record<string, string>;
  caption: string;
  /** Accessible label pattern for the sort buttons, e.g. "按“{column}”排序" already applied per column. */
  sortLabels: Record<string, string>;
  emptyText: string;
  /** Links a cell of the first column to a drill-down, per row id. */
  rowHrefs?: Record<string, string>;
};

/** A table sortable by any column (click a header; again to reverse). Numbers sort numerically, empty last. */
export function SortableTable({ table, headers, caption, sortLabels, emptyText, rowHrefs }: Props) {
  const format = useFormatter();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const value = (c: Cell | undefined) => (c === undefined ? null : c);
    return [...table.rows].sort((a, b) => {
      const x = value(a.cells[sort.key]);
      const y = value(b.cells[sort.key]);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return cmp * sort.dir;
    });
  }, [table.rows, sort]);

  const show = (c: Cell | undefined, kind: ColumnKind): string => {
    if (c === null || c === undefined) return "—";
    if (typeof c === "number") {
      if (kind === "share") return format.number(c, { style: "percent", maximumFractionDigits: 1 });
      if (kind === "decimal") return format.number(c, { maximumFractionDigits: 2 });
      return format.number(c);
    }
    return kind === "datetime" ? chinaDateTime(c) : c;
  };

  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          {table.columns.map((c) => {
            const active = sort?.key === c.key;
            return (
              <TableHead
                key={c.key}
                className={c.kind === "text" || c.kind === "datetime" ? undefined : "text-right"}
                aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
              >
                <button
                  type="button"
                  className="inline-flex items-center gap-1 font-medium hover:underline"
                  aria-label={sortLabels[c.key]}
                  onClick={() =>
                    setSort((s) => (s?.key === c.key ? { key: c.key, dir: s.dir === 1 ? -1 : 1 } : { key: c.key, dir: c.kind === "text" ? 1 : -1 }))
                  }
                >
                  {headers[c.key] ?? c.key}
                  <span aria-hidden="true">{active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
                </button>
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={table.columns.length} className="text-muted-foreground">
              {emptyText}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((r) => (
            <TableRow key={r.id}>
              {table.columns.map((c, i) => {
                const text = show(r.cells[c.key], c.kind);
                const href = i === 0 ? (rowHrefs?.[r.id] ?? r.href) : undefined;
                return (
                  <TableCell key={c.key} className={c.kind === "text" || c.kind === "datetime" ? "max-w-96 min-w-28" : "text-right tabular-nums"}>
                    {href ? (
                      <Link href={href} className="underline-offset-4 hover:underline">
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
