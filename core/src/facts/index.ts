export * from './battery';
export * from './common';
export * from './network';
export * from './printers';
export * from './software';
export * from './updates';
export * from './users';
