// File names for the review's downloads (the download itself: ../download.ts).
/** A file name from a title: lower case, dashes, nothing a file system minds. */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'session'
  );
}
