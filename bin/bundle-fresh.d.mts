/** The bundle's path when it exists and no source it was built from changed since; else null. */
export function freshBundle(root: string): string | null;
