/** 李晓梅 → 李*梅, 李梅 → 李*, 欧阳娜娜 → 欧**娜: enough for staff or a verifier to recognise, not to identify a stranger. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  if (chars.length === 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
