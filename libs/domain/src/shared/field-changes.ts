// Profile records (companies, owners) store an update as the list of fields whose value really changed.

/** One field's change; a union over the fields, so each value keeps its own field's type. */
export type FieldChange<P> = { [F in keyof P]: Readonly<{ field: F; previous: P[F]; value: P[F] }> }[keyof P];

/** The requested values that differ from the current ones, in the order of `fields`. */
export const changedFields = <P extends object>(fields: readonly (keyof P)[], current: P, requested: Partial<P>): readonly FieldChange<P>[] =>
  fields.flatMap((field) => {
    const value = requested[field];
    if (value === undefined || value === current[field]) return [];
    // Each field pairs with its own value type; TypeScript cannot follow that through the loop variable.
    return [{ field, previous: current[field], value } as FieldChange<P>];
  });

export const withFieldChanges = <P extends object>(profile: P, changes: readonly FieldChange<P>[]): P =>
  changes.reduce<P>((changed, change) => ({ ...changed, [change.field]: change.value }), profile);
