import { useTranslation } from 'react-i18next';

/**
 * A component's own i18next namespace, added to whichever instance the app (or a test) provides the first
 * time it is used, so a feature's strings need no keys in the app's string files.
 *
 * @example const { t } = useNamespace('field', { vi, en }); t('reportHere')
 */
export function useNamespace(ns: string, strings: Readonly<Record<'vi' | 'en', object>>) {
  const { i18n } = useTranslation();
  for (const lang of ['vi', 'en'] as const) {
    if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, strings[lang]);
  }
  return useTranslation(ns);
}
