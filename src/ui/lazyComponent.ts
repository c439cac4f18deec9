import { createElement, lazy, type ComponentType } from 'react';

/**
 * React.lazy that renders synchronously once its module is in: a lazy component always suspends on
 * its first render, which would leave the step empty for a frame after the heading took focus.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): { Component: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const Component = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy, props));
  return { Component, preload };
}
