import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeLens, operatorsOf } from '../../store/lens.ts';
import { useApp } from '../../store/store.ts';
import { useLensTranslation } from './i18n.ts';

/**
 * The operator lens: "all operators" or one of those found in the loaded data (never free text). A link's
 * operator that the data do not hold shows as all operators, with a note.
 */
export function OperatorSelect() {
  const { t } = useLensTranslation();
  const id = useId();
  const { operators, chosen, active, setOperator } = useApp(
    useShallow((s) => ({
      operators: operatorsOf(s.input),
      chosen: s.lens.operator,
      active: activeLens(s).operator,
      setOperator: s.setOperator,
    })),
  );
  const missing = chosen !== null && active === null && operators.length > 0;
  return (
    <span className="vt-lens-select">
      <label htmlFor={id}>{t('select.label')}</label>
      <select
        id={id}
        value={active ?? ''}
        onChange={(e) => setOperator(e.target.value === '' ? null : e.target.value)}
        disabled={operators.length === 0}
        aria-describedby={missing ? `${id}-missing` : undefined}
        data-testid="operator-select"
      >
        <option value="">{t('select.all')}</option>
        {operators.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {missing && (
        <span id={`${id}-missing`} className="vt-visually-hidden" role="status">
          {t('select.missing', { operator: chosen })}
        </span>
      )}
    </span>
  );
}
