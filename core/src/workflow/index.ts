export * from './assignment';
export * from './calendar';
export * from './categories';
export * from './closure';
export * from './lifecycle';
export * from './priority';
export * from './search-text';
export * from './sla';
