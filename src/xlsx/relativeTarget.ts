/** A part name (a zip entry) as a relationship target seen from another part's folder. No Node or DOM imports. */

/** `target` as seen from `part`'s folder ("../drawings/drawing1.xml" from xl/worksheets/sheet1.xml). */
export function relativeTarget(part: string, target: string): string {
  const from = part.slice(0, part.lastIndexOf("/") + 1).split("/").filter(Boolean);
  const to = target.split("/");
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => ".."), ...to.slice(shared)].join("/");
}
