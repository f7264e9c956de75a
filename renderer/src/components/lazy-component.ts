import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component whose code is a chunk of its own, fetched the first time it renders or preloads. */
export type LazyComponent<Props extends object> = LazyExoticComponent<ComponentType<Props>> & {
  preload(): Promise<void>;
};

/**
 * `React.lazy` for a named export, with `preload()` so code about to be shown can be fetched
 * while other work runs rather than after it.
 */
export function lazyComponent<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyComponent<Props> {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const start = () => (loading ??= load().then((module) => ({ default: module[name] })));
  return Object.assign(lazy(start), { preload: () => start().then(() => undefined) });
}

/** Whether `component` came from lazyComponent, so its code can be preloaded. */
export function isLazyComponent(component: unknown): component is LazyComponent<object> {
  return typeof component === 'object' && component !== null && 'preload' in component;
}
