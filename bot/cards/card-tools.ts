import type { CardJson } from './template';

/**
 * Removes properties whose bound value is null (e.g. an input with no value yet), which the
 * Adaptive Card schema would refuse.
 * @returns the same card, changed in place
 */
export function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(dropNulls);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (v === null) {
        delete obj[k];
      } else {
        dropNulls(v);
      }
    }
  }
  return value;
}

/**
 * Sets the value of the `Input.Number` with this id (templates can't bind a number that may be
 * absent without breaking the schema).
 * @returns the same card, changed in place
 */
export function setNumberInput(card: CardJson, id: string, value: number | null): CardJson {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (obj.type === 'Input.Number' && obj.id === id && value !== null) {
        obj.value = value;
      }
      Object.values(obj).forEach(visit);
    }
  };
  visit(card);
  return card;
}
