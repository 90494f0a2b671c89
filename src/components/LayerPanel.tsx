import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/store.ts';
import { activeUnitSystem } from '../store/units.ts';
import { useUnitsTranslation } from './units/i18n.ts';
import { ALL_COLOUR_BY, ALL_LAYERS, type HamletColourBy } from '../store/viewState.ts';
import { Legend } from './Legend.tsx';

export function LayerPanel() {
  const { t } = useTranslation();
  const { t: tu } = useUnitsTranslation();
  const byUnits = useApp((s) => activeUnitSystem(s) === 'units');
  const { visible, colourBy, toggleLayer, setColourBy } = useApp(
    useShallow((s) => ({
      visible: s.layers,
      colourBy: s.colourBy,
      toggleLayer: s.toggleLayer,
      setColourBy: s.setColourBy,
    })),
  );
  return (
    <div className="vt-layers">
      <fieldset className="vt-fieldset">
        <legend>{t('layers.title')}</legend>
        {ALL_LAYERS.map((id) => (
          <label key={id} className="vt-check">
            <input
              type="checkbox"
              checked={visible.includes(id)}
              onChange={() => toggleLayer(id)}
              data-layer={id}
            />
            {id === 'labels' && byUnits ? tu('layerLabels') : t(`layers.${id}`)}
          </label>
        ))}
      </fieldset>
      <label className="vt-field">
        <span>{t('layers.colourBy')}</span>
        <select value={colourBy} onChange={(e) => setColourBy(e.target.value as HamletColourBy)}>
          {ALL_COLOUR_BY.map((c) => (
            <option key={c} value={c}>
              {t(`colourBy.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <Legend />
    </div>
  );
}
