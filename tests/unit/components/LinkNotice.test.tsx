// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkNotice } from '../../../src/components/share/LinkNotice.tsx';
import { toBase64Url } from '../../../src/store/share/base64url.ts';
import { decodeView } from '../../../src/store/share/codec.ts';
import { linkNoticeStore } from '../../../src/store/share/linkNotice.ts';
import { renderWithI18n } from './render.tsx';

afterEach(() => {
  cleanup();
  linkNoticeStore.getState().dismiss();
});

const open = (payload: unknown) =>
  act(() =>
    linkNoticeStore
      .getState()
      .setProblems(decodeView(`?s=v1.${toBase64Url(JSON.stringify(payload))}`).problems),
  );

describe('what a link could not restore, in the UI’s language', () => {
  it('a link with 8 000 unknown keys: one short Vietnamese line, not 575 KB of names', () => {
    renderWithI18n(<LinkNotice />, 'vi');
    open(Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, i])));
    const notice = screen.getByTestId('link-notice');
    expect(notice.textContent).toContain(
      'Liên kết dài 133 KB; liên kết quá 16 KB không được mở. Hãy xin tệp dự án để mở đầy đủ.',
    );
    expect(notice.textContent!.length).toBeLessThan(400);
  });

  it('unknown fields are named five at most, in Vietnamese, and the whole notice stays short', () => {
    renderWithI18n(<LinkNotice />, 'vi');
    open(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`truong${i}`, i])));
    const notice = screen.getByTestId('link-notice');
    expect(notice.textContent).toMatch(
      /Liên kết có 300 trường phiên bản này không biết \(truong0, truong1, truong2, truong3, truong4, …\); đã bỏ qua\./,
    );
    expect(notice.textContent!.length).toBeLessThan(600);
  });
});
