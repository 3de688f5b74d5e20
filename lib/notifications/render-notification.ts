import zh from "@/lib/i18n/messages/zh-CN/notifications.json";

export type NotificationKey = keyof typeof zh;

/**
 * A notice as plain Chinese text for SMS: the portal renders the same key in either language,
 * but a text message has no locale switch. Parameters are `{name}` placeholders, as in the
 * message catalogue (the notices use no plural or select syntax).
 */
export function renderNotificationText(messageKey: string, params: Record<string, string | number>): string {
  const template = (zh as Record<string, string>)[messageKey];
  if (!template) return messageKey;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
