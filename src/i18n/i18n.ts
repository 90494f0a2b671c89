import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../store/viewState.ts';
import { en } from './en.ts';
import { planEn, planVi } from './plan.ts';
import { vi } from './vi.ts';

/** Creates an initialised i18next instance; the app makes one, component tests make their own. */
export function createI18n(lang: Lang = 'vi'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi, plan: planVi }, en: { translation: en, plan: planEn } },
    ns: ['translation', 'plan'],
    defaultNS: 'translation',
    lng: lang,
    fallbackLng: 'vi',
    // React escapes text itself; i18next escaping would show "&amp;" in names.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
