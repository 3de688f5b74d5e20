/**
 * A phone number as staff pages show it by default: 138****5678, enough to tell numbers apart,
 * not enough to call anyone. Staff who need the whole number ask for it, and the read is logged
 * (lib/applications/reveal-applicant-phone.ts). Null when there is no number worth masking.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  const s = phone?.trim();
  return s && s.length >= 7 ? `${s.slice(0, 3)}****${s.slice(-4)}` : null;
}
