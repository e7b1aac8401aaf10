// Apps Script enum values for the worker-side facades: each prints as its name and has name() and
// ordinal(); the wire carries the name.

/** An Apps Script enum value: prints as its name, has name() and ordinal(). */
export interface EnumValue {
  toString(): string;
  toJSON(): string;
  name(): string;
  ordinal(): number;
}

export function makeEnum<N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue>> {
  const e = {} as Record<N, EnumValue>;
  names.forEach((n, i) => {
    e[n] = Object.freeze({
      toString: () => n,
      toJSON: () => n,
      name: () => n,
      ordinal: () => i,
    });
  });
  return Object.freeze(e);
}

/** The name of `value` if it is one of `e`'s values, else null. */
export function enumName<N extends string>(
  e: Readonly<Record<N, EnumValue>>,
  value: unknown,
): N | null {
  for (const [name, v] of Object.entries(e)) if (v === value) return name as N;
  return null;
}
