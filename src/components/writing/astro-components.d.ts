// tsc (unlike astro check) cannot read .astro files; this lets index.ts, a plain .ts module, import
// the writers' components for the MDX components map. astro check still types each file itself.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
