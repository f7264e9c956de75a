export * from './json-reply';
export * from './lines';
export * from './request-body';
