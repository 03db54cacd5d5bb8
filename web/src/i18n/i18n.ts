import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { zh } from './zh';

const STORAGE_KEY = 'halfsky.lang';

function initialLanguage(): string {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh';
}

const lng = initialLanguage();
setApiLanguage(lng);
void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';

/** Switches the interface (and the server's messages) to zh or en, remembered in this browser. */
export function setLanguage(next: string): void {
  const l = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORAGE_KEY, l);
  setApiLanguage(l);
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  void i18n.changeLanguage(l);
}

export { i18n };
