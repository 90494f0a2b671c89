declare module 'virtual:shipped-result' {
  /** The sample's result built with the app (`tools/shippedResult.ts`); null on the dev server. */
  export const shippedResult: import('./data/shippedResult.ts').ShippedResult | null;
}
