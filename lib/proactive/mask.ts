import { maskResidentId } from "@/lib/id-number";

/** 张秀英 → 张*英, 王五 → 王*: enough for staff to match a call, not to identify a stranger. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length === 0 ? "" : "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export { maskResidentId };
