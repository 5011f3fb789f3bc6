export * from './domain-name';
export * from './normalize';
export * from './lineworks-id';
export * from './domain-policy';
