import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { planEn, planVi } from '../../../src/i18n/plan.ts';
import { planLabel, planName } from '../../../src/store/scenario/plan.ts';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
/** Keys without i18next's plural suffixes: English has `_one`, Vietnamese only `_other`. */
const base = (o: object) => [...new Set(keys(o).map((k) => k.replace(/_(one|other)$/, '')))].sort();

describe('the plan’s words', () => {
  it('English has the Vietnamese keys', () => {
    expect(base(planEn)).toEqual(base(planVi));
  });

  it('names the baseline and a scenario with its edits in both languages', () => {
    const vi = createI18n('vi').getFixedT('vi', 'plan');
    const en = createI18n('en').getFixedT('en', 'plan');
    const two = { kind: 'scenario', name: 'Hai trạm', edits: 2, unsaved: true } as const;
    const one = { kind: 'scenario', name: '', edits: 1, unsaved: false } as const;
    expect(planName({ kind: 'baseline' }, vi)).toBe('Hiện trạng');
    expect(planLabel(two, vi)).toBe('Phương án: Hai trạm (2 thay đổi, chưa lưu)');
    expect(planLabel(one, vi)).toBe('Phương án: chưa đặt tên (1 thay đổi)');
    expect(planName({ kind: 'baseline' }, en)).toBe('Baseline');
    expect(planLabel(two, en)).toBe('Scenario: Hai trạm (2 edits, not saved)');
    expect(planLabel(one, en)).toBe('Scenario: untitled (1 edit)');
    // The legend's translator is the app's default namespace: the `plan:` prefix reaches these strings.
    expect(createI18n('en').t('plan:scenario', { name: 'X' })).toBe('Scenario: X');
  });
});
