export * from './catalog';
export * from './definition';
export * from './params';
export * from './protocol';
export * from './result';
