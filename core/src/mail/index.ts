export * from './automatic';
export * from './reply-text';
export * from './settings';
export * from './threads';
export * from './html-text';
export * from './reply-answer';
export * from './templates';
