// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../src/components/Header.tsx';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

beforeEach(resetStoreWithSample);
afterEach(cleanup);

describe('Header', () => {
  it('each side panel has its own toggle, which says what it will do and flips only that panel', () => {
    appStore.setState({ leftOpen: true, rightOpen: true });
    renderWithI18n(<Header />, 'en');
    const left = screen.getByRole('button', { name: 'Hide the layers panel' });
    expect(left.getAttribute('aria-controls')).toBe('vt-left');
    expect(left.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(left);
    expect(appStore.getState()).toMatchObject({ leftOpen: false, rightOpen: true });
    expect(left.getAttribute('aria-expanded')).toBe('false');
    expect(left.getAttribute('aria-label')).toBe('Show the layers panel');

    const right = screen.getByRole('button', { name: 'Hide the ranking panel' });
    expect(right.getAttribute('aria-controls')).toBe('vt-right');
    fireEvent.click(right);
    expect(appStore.getState()).toMatchObject({ leftOpen: false, rightOpen: false });
    expect(right.getAttribute('aria-label')).toBe('Show the ranking panel');
  });
});
