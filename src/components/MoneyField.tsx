import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../i18n/format.ts';
import { useFormat } from './useFormat.ts';

interface Props {
  label: string;
  /** Whole đồng. */
  value: number;
  onChange: (vnd: number) => void;
  min?: number;
  max?: number;
  testId?: string;
}

/** Where the caret goes after reformatting: just after the `digits`-th digit of `text`. */
function caretAfterDigits(text: string, digits: number): number {
  if (digits <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text[i] as string) && ++seen === digits) return i + 1;
  }
  return text.length;
}

/**
 * A money input in whole đồng that groups the digits as they are typed ("120.000.000"), keeps the caret
 * beside the digit it was at, and says the amount in words below ("120 triệu đồng"). The value it
 * reports is a number; text that is not a number in range is kept on screen, marked invalid, and not
 * reported.
 */
export function MoneyField({
  label,
  value,
  onChange,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  testId,
}: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const caret = useRef<number | null>(null);
  const text = editing ?? fmt.vndDigits(value);
  const typed = editing === null ? value : parseMoney(editing);
  const invalid = typed === null || typed < min || typed > max;

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return;
    const at = caretAfterDigits(input.current.value, caret.current);
    input.current.setSelectionRange(at, at);
    caret.current = null;
  });

  return (
    <label className="vt-field vt-field--money">
      <span>{label}</span>
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid}
        aria-describedby={hintId}
        data-testid={testId}
        onFocus={() => setEditing(fmt.vndDigits(value))}
        onBlur={() => setEditing(null)}
        onChange={(e) => {
          const raw = e.target.value;
          const at = e.target.selectionStart ?? raw.length;
          const n = parseMoney(raw);
          caret.current = raw.slice(0, at).replace(/\D/g, '').length;
          setEditing(n === null ? '' : fmt.vndDigits(n));
          if (n !== null && n >= min && n <= max) onChange(n);
        }}
      />
      <small id={hintId} className="vt-field__hint">
        {invalid ? t('settings.moneyRange', { min: fmt.vnd(min), max: fmt.vnd(max) }) : fmt.vnd(typed)}
      </small>
    </label>
  );
}
