export * from './draft';
export * from './schema';
export * from './starters';
export * from './suggest';
