export * from './engine';
export * from './messages';
export * from './search-text';
export * from './service';
export * from './columns';
