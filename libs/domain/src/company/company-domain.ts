import { identityText, mixesScripts } from '../shared/text.js';

// A company's web domain, normalized so `https://www.Acme.com/about` and `acme.com` are the same company, and so
// are look-alikes: composed or decomposed accents, an invisible zero-width space or soft hyphen.
export const normalizeDomain = (input: string): string =>
  identityText(input)
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');

// Labels of letters, digits and hyphens (IDN allowed), at least two of them: a host name, not a path or a word.
const DOMAIN_PATTERN = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

// A label mixing scripts (`аcme` with a Cyrillic а) passes for another company's domain: refused, as browsers do.
export const isValidDomain = (normalizedDomain: string): boolean =>
  DOMAIN_PATTERN.test(normalizedDomain) && !normalizedDomain.split('.').some(mixesScripts);
