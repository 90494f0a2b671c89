import { activeLens } from '../../store/lens.ts';
import { useApp } from '../../store/store.ts';
import { ColocationPanel } from './ColocationPanel.tsx';
import { useLensTranslation } from './i18n.ts';
import { LensRankingField } from './LensRankingField.tsx';
import { OperatorSelect } from './OperatorSelect.tsx';
import './lens.css';

/** The Operators tab: which operator's view is on, how the list is ranked, and tower sharing. */
export function LensPanel() {
  const { t } = useLensTranslation();
  const operator = useApp((s) => activeLens(s).operator);
  return (
    <section className="vt-lens" aria-labelledby="vt-lens-title" data-testid="lens-panel">
      <h2 id="vt-lens-title" className="vt-visually-hidden">
        {t('heading')}
      </h2>
      <p className="vt-note">{t('intro')}</p>
      <OperatorSelect />
      <p className="vt-lens__viewing">{operator === null ? t('viewingAll') : t('viewing', { operator })}</p>
      <LensRankingField />
      <ColocationPanel />
    </section>
  );
}
