import { useMemo } from 'react';
import { formatters, type Formatters } from '../i18n/format.ts';
import { useApp } from '../store/store.ts';

/** Number formatters for the current language (1.234,5 in Vietnamese). */
export function useFormat(): Formatters {
  const lang = useApp((s) => s.lang);
  return useMemo(() => formatters(lang), [lang]);
}
