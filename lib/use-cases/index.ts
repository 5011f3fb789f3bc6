export * from './record-snapshot';
export * from './apply-policy';
export * from './export';
