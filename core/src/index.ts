export * from './agent-protocol';
export * from './api';
export * from './canonical-json';
export * from './errors';
export * from './fingerprint';
export * from './inventory';
export * from './machine';
export * from './ticket';
