// A formula document as YAML, for the editor's starting text (the api parses YAML; the console only writes it, so a
// small block-style writer is enough: strings are quoted as JSON, which YAML reads as its double-quoted style).

const scalar = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
};

const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';

const lines = (value: unknown, indent: string): string[] => {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, item]) => {
      const name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
      if (isScalar(item)) return [`${indent}${name}: ${scalar(item)}`];
      if (Array.isArray(item) && item.length === 0) return [`${indent}${name}: []`];
      if (!Array.isArray(item) && Object.keys(item as object).length === 0) return [`${indent}${name}: {}`];
      return [`${indent}${name}:`, ...lines(item, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
};

export const toYaml = (value: unknown): string => `${lines(value, '').join('\n')}\n`;
