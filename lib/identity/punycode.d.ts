// The `punycode` package ships no types; the bare name `punycode` would resolve to Node's deprecated built-in.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}
