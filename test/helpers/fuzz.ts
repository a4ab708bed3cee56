/** A small seeded PRNG (mulberry32) so fuzz runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  "'; DROP TABLE people; --",
  '${7*7}',
  '{{constructor.constructor("return 1")()}}',
  '../../etc/passwd',
  '\u0000\u0001\u0002',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '2026-02-30',
  '9999-99-99',
  '-1',
  'NaN',
  'true',
  'null',
  '__proto__',
  'N-2026-0001',
];

/** Generates hostile JSON values: wrong types, huge strings, deep nesting, prototype keys. */
export function hostileValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 12);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e-300][Math.floor(rand() * 7)];
    case 3:
    case 4:
      return NASTY_STRINGS[Math.floor(rand() * NASTY_STRINGS.length)];
    case 5:
      return depth > 3 ? [] : Array.from({ length: Math.floor(rand() * 4) }, () => hostileValue(rand, depth + 1));
    case 6:
      return { __proto__: { admin: true }, constructor: { prototype: { x: 1 } } };
    default:
      return depth > 3 ? {} : hostileObject(rand, depth + 1);
  }
}

/** An object with a mix of plausible and hostile keys. */
export function hostileObject(rand: () => number, depth = 0, keys: string[] = []): Record<string, unknown> {
  const pool = [...keys, 'id', 'status', 'verb', 'version', 'name', 'roles', 'agency', 'note', 'data', 'value', '__proto__'];
  const out: Record<string, unknown> = {};
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    out[pool[Math.floor(rand() * pool.length)]] = hostileValue(rand, depth + 1);
  }
  return out;
}

/** Mutates a copy of a valid object: drops, retypes or replaces fields (recursively). */
export function mutate(rand: () => number, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) {
    return rand() < 0.3 ? hostileValue(rand, depth) : value;
  }
  if (Array.isArray(value)) {
    return rand() < 0.2 ? hostileValue(rand, depth) : value.map((v) => mutate(rand, v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = rand();
    if (r < 0.1) {
      continue;
    }
    out[k] = r < 0.3 ? hostileValue(rand, depth + 1) : mutate(rand, v, depth + 1);
  }
  return out;
}
