// A company's web domain, normalized so `https://www.Acme.com/about` and `acme.com` are the same company.
export const normalizeDomain = (input: string): string =>
  input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');

// Labels of letters, digits and hyphens (IDN allowed), at least two of them: a host name, not a path or a word.
const DOMAIN_PATTERN = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

export const isValidDomain = (normalizedDomain: string): boolean => DOMAIN_PATTERN.test(normalizedDomain);
