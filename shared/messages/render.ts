import { MESSAGES, type Message, type MessageCode } from './catalogue';
import { MESSAGES_EN } from './en';
import { MESSAGES_VI } from './vi';

export type MessageLanguage = 'vi' | 'en';

const TEMPLATES: Record<MessageLanguage, Record<MessageCode, string>> = { vi: MESSAGES_VI, en: MESSAGES_EN };
const NUMBER_LOCALE: Record<MessageLanguage, string> = { vi: 'vi-VN', en: 'en' };

/** The parameters as they are shown in `lang`: quantities grouped, dates day first, the rest as given. */
export function formatParams(message: Message, lang: MessageLanguage): Record<string, string> {
  const kinds: Readonly<Record<string, string>> = MESSAGES[message.code].params;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params as Record<string, string | number>)) {
    const kind = kinds[name];
    if (kind === 'count' && typeof value === 'number') out[name] = value.toLocaleString(NUMBER_LOCALE[lang]);
    else if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[name] = `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
    else out[name] = String(value);
  }
  return out;
}

/** The placeholders `{{name}}` of a template, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string))].sort();
}

/** A message as text in `lang`, without i18next: for the CLI, the API's `reason` and `message` fields, and logs. */
export function renderMessage(message: Message, lang: MessageLanguage = 'en'): string {
  const params = formatParams(message, lang);
  return TEMPLATES[lang][message.code].replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => params[name] ?? whole);
}
