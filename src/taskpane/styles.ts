/**
 * The task pane's own styles, written the way Griffel's makeStyles takes them (camelCase properties, Fluent's tokens,
 * which are CSS variables, and nested pseudo-classes such as ":hover"), as plain CSS rules in one <style> element:
 * one class per style, given when the hook is first called. Griffel's runtime compiler (with stylis and rtl-css-js)
 * then stays out of taskpane.js; Fluent's components bring their CSS precompiled. The pane is written left to right
 * only (zh, en), so nothing needs flipping.
 *
 * A class is written twice in its selector, so that a style given to a Fluent component (a Text's colour) wins over
 * the component's own single-class rules whatever the order of the style elements.
 */
export interface StyleRule {
  [property: string]: string | number | StyleRule | undefined;
}

let element: HTMLStyleElement | null = null;
let made = 0;

/** "backgroundColor" -> "background-color", "WebkitLineClamp" -> "-webkit-line-clamp"; custom properties as they are. */
const cssName = (property: string) => (property.startsWith("--") ? property : property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** A rule and its nested ones (":hover" -> ".a.a:hover", "& > span" -> ".a.a > span"). */
export function cssRules(selector: string, rule: StyleRule): string {
  const declarations: string[] = [];
  const nested: string[] = [];
  for (const [property, value] of Object.entries(rule)) {
    if (value === undefined) continue;
    if (typeof value === "object") nested.push(cssRules(property.includes("&") ? property.replace(/&/g, selector) : `${selector}${property}`, value));
    else declarations.push(`${cssName(property)}:${value}`);
  }
  return `${selector}{${declarations.join(";")}}${nested.join("")}`;
}

/** A hook giving each style's class name; the CSS is added to the page on the first call. */
export function makeStyles<K extends string>(styles: Record<K, StyleRule>): () => Record<K, string> {
  let classes: Record<K, string> | null = null;
  return () => {
    if (classes) return classes;
    const id = made++;
    const names = {} as Record<K, string>;
    let css = "";
    for (const key of Object.keys(styles) as K[]) {
      names[key] = `kh${id}-${key}`;
      css += cssRules(`.${names[key]}.${names[key]}`, styles[key]);
    }
    if (typeof document !== "undefined") {
      element ??= document.head.appendChild(document.createElement("style"));
      element.appendChild(document.createTextNode(css));
    }
    classes = names;
    return classes;
  };
}
