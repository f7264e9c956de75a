// The plist package's builder alone: its parser (and the XML DOM it needs) stays out of the
// agent bundle, since the agent only writes property lists.
declare module 'plist/lib/build.js' {
  export { build } from 'plist';
}
