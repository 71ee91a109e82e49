import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en';
import { vi } from '../locales/vi';
import { MESSAGES_EN } from '../../../shared/messages/en';
import { MESSAGES_VI } from '../../../shared/messages/vi';
import { LANGUAGE_COOKIE } from '../../../shared/domain/language-cookie';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'chiso.language';

function remembered(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  // Messages the server sends as codes (decision 023): one namespace, keyed by code.
  resources: { vi: { translation: vi, messages: MESSAGES_VI }, en: { translation: en, messages: MESSAGES_EN } },
  lng: remembered(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * The choice is also kept in a cookie, so that a page the server makes itself — a download refused when its link is
 * opened (server/download-refusal.ts) — is in the same language. Not sensitive: readable by scripts, a year long.
 */
function shareWithServer(lng: string): void {
  document.cookie = `${LANGUAGE_COOKIE}=${lng === 'en' ? 'en' : 'vi'}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  shareWithServer(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private browsing: the choice lasts for this page only */
  }
});
document.documentElement.lang = i18n.language;
shareWithServer(i18n.language);

export default i18n;
