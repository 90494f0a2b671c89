// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoneyField } from '../../../src/components/MoneyField.tsx';
import type { Lang } from '../../../src/store/viewState.ts';
import { renderWithI18n } from './render.tsx';

afterEach(cleanup);

/** A field holding its value as a number, as the settings do; `reported` lists what it was given. */
function setup(start: number, lang: Lang = 'vi') {
  const reported: number[] = [];
  function Host() {
    const [v, setV] = useState(start);
    return (
      <MoneyField
        label="Cáp quang mỗi km"
        value={v}
        max={1e10}
        testId="money"
        onChange={(n) => {
          reported.push(n);
          setV(n);
        }}
      />
    );
  }
  renderWithI18n(<Host />, lang);
  const input = screen.getByTestId('money') as HTMLInputElement;
  const hint = () => input.parentElement?.querySelector('small')?.textContent?.replace(/\u00a0/g, ' ');
  /** Types `text` as the whole field's value with the caret at `caret` (default: the end). */
  const type = (text: string, caret = text.length) => {
    // Testing Library sets the value with the native setter (so React sees a change), then the caret.
    fireEvent.change(input, { target: { value: text, selectionStart: caret, selectionEnd: caret } });
  };
  return { input, hint, type, reported };
}

describe('MoneyField', () => {
  it('shows the amount with grouped digits and says it in words', () => {
    const { input, hint } = setup(120_000_000);
    expect(input.value).toBe('120.000.000');
    expect(hint()).toBe('120 triệu đồng');
  });

  it('groups the digits as they are typed and reports a number', () => {
    const { input, hint, type, reported } = setup(0);
    fireEvent.focus(input);
    type('1500000');
    expect(input.value).toBe('1.500.000');
    expect(reported.at(-1)).toBe(1_500_000);
    expect(hint()).toBe('1,5 triệu đồng');
  });

  it('keeps the caret beside the digit it was at when a digit is inserted in the middle', () => {
    const { input, type, reported } = setup(120_000_000);
    fireEvent.focus(input);
    // "120.000.000" with a 5 typed after "120.": the caret is after 4 digits.
    type('120.5000.000', 5);
    expect(input.value).toBe('1.205.000.000');
    expect(reported.at(-1)).toBe(1_205_000_000);
    const before = input.value.slice(0, input.selectionStart ?? 0).replace(/\D/g, '');
    expect(before).toBe('1205');
  });

  it('marks text that is not an amount in range and does not report it', () => {
    const { input, hint, type, reported } = setup(120_000_000);
    fireEvent.focus(input);
    type('');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(reported).toEqual([]);
    expect(hint()).toBe('Nhập số tiền từ 0 đồng đến 10 tỷ đồng');
    type('99.000.000.000');
    expect(reported).toEqual([]);
    type('90.000.000');
    expect(reported).toEqual([90_000_000]);
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('groups the English way in English', () => {
    const { input, hint } = setup(1_800_000_000, 'en');
    expect(input.value).toBe('1,800,000,000');
    expect(hint()).toBe('1.8 billion VND');
  });
});
