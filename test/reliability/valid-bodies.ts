/**
 * A valid example body for each REST route that takes one (key: "METHOD /path/:param"), which the
 * fuzzer mutates field by field. Routes missing here are fuzzed with wholly hostile bodies only.
 */
export const VALID_BODIES: Record<string, unknown> = {
  'POST /dev/token': { userId: 'fuzz-user', name: 'Fuzz User', agency: 'POLICE', roles: ['practitioner'] },
};
