// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../src/components/panels/SettingsPanel.tsx';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

beforeEach(resetStoreWithSample);
afterEach(cleanup);

const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });

describe('SettingsPanel', () => {
  it('applies a value the validator accepts', () => {
    renderWithI18n(<SettingsPanel />);
    type('setting-fibre-radius', '800');
    expect(appStore.getState().settings).toEqual({ fibreServiceRadiusM: 800 });
    expect(screen.getByTestId('setting-fibre-radius').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses an out-of-range radius: flagged with the range, never applied', () => {
    renderWithI18n(<SettingsPanel />);
    type('setting-fibre-radius', '-5');
    const input = screen.getByTestId('setting-fibre-radius');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Phải là khoảng cách từ 1 đến 50.000 m.');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect((input as HTMLInputElement).value).toBe('-5');
    expect(appStore.getState().settings).toEqual({});
    type('setting-fibre-radius', '60000');
    expect(appStore.getState().settings).toEqual({});
    type('setting-fibre-radius', '700');
    expect(appStore.getState().settings).toEqual({ fibreServiceRadiusM: 700 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the unserved share below the served one, in percent, in English', () => {
    renderWithI18n(<SettingsPanel />, 'en');
    type('setting-unserved', '97');
    expect(screen.getByRole('alert').textContent).toBe('Must be below the served threshold (95%).');
    expect(appStore.getState().settings).toEqual({});
    type('setting-served', '150');
    expect(screen.getAllByRole('alert')[0]?.textContent).toBe('Must be a percentage from 0 to 100.');
  });

  it('drops what was being typed when the settings change elsewhere (reset)', () => {
    renderWithI18n(<SettingsPanel />);
    type('setting-radius-4G', '0');
    expect(screen.getByRole('alert')).toBeTruthy();
    type('setting-fibre-radius', '900');
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục mặc định' }));
    expect(appStore.getState().settings).toEqual({});
    expect((screen.getByTestId('setting-fibre-radius') as HTMLInputElement).value).toBe('500');
  });
});
