import { useShallow } from 'zustand/react/shallow';
import { activeLens } from '../../store/lens.ts';
import { useApp } from '../../store/store.ts';
import { useLensTranslation } from './i18n.ts';

/** Under the list's title: which lens ranking orders it, for which operator. Nothing when it is the usual one. */
export function LensListNote() {
  const { t } = useLensTranslation();
  const { preset, operator } = useApp(
    useShallow((s) => {
      const l = activeLens(s);
      return { preset: l.ranking?.preset ?? null, operator: l.operator };
    }),
  );
  if (preset === null) return null;
  const name = t(`ranking.${preset}`);
  return (
    <p className="vt-lens-note" data-testid="lens-list-note">
      {preset === 'operator-commercial' && operator !== null
        ? t('list.noteOperator', { preset: name, operator })
        : t('list.note', { preset: name })}
    </p>
  );
}

/** The list's target-households column header under a lens ranking, or undefined for the usual one. */
export function useLensColumnLabel(): string | undefined {
  const { t } = useLensTranslation();
  const preset = useApp((s) => activeLens(s).ranking?.preset ?? null);
  if (preset === null) return undefined;
  return preset === 'public-fund' ? t('list.whiteColumn') : t('list.gapColumn');
}
