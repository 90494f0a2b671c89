import { useScenarioTranslation } from './i18n.ts';

export type NewSiteTech = '4G' | '5G';

interface Props {
  tech: NewSiteTech;
  radiusM: number;
  onTech: (tech: NewSiteTech) => void;
  onRadius: (radiusM: number) => void;
  radiusTestId?: string;
}

/** Technology and reach of a new site, shared by the add-site form and the suggestion form. */
export function TechRadiusFields({ tech, radiusM, onTech, onRadius, radiusTestId }: Props) {
  const { t } = useScenarioTranslation();
  return (
    <>
      <label className="vt-field">
        <span>{t('site.tech')}</span>
        <select value={tech} onChange={(e) => onTech(e.target.value as NewSiteTech)}>
          <option value="4G">4G</option>
          <option value="5G">5G</option>
        </select>
      </label>
      <label className="vt-field">
        <span>{t('site.radius')}</span>
        <input
          type="number"
          min={100}
          step={100}
          value={radiusM}
          // A radius under 100 m is a typo, not a site: clamp rather than let the analysis reject it.
          onChange={(e) => onRadius(Math.max(100, Number(e.target.value) || 100))}
          data-testid={radiusTestId}
        />
      </label>
    </>
  );
}
