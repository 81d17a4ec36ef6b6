// Fills the sections of RESULTS.template.md. The prose lives in the template; the renderers in
// sections/ compute only the figures and tables that go into its `{{name}}` placeholders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A placeholder's value; a list (of lines) only for a placeholder alone on its line. */
export type TemplateValue = string | number | readonly string[];

const SECTION = /^<!-- section: (\w+) -->$/;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const LINE_PLACEHOLDER = /^\{\{(\w+)\}\}$/;

let sections: ReadonlyMap<string, readonly string[]> | undefined;

/** The template's sections by name, without the blank lines around each. */
function templateSections(): ReadonlyMap<string, readonly string[]> {
  if (sections) return sections;
  // tsx and Playwright load bench/ as CommonJS (package.json has no "type": "module").
  const text = readFileSync(join(__dirname, 'RESULTS.template.md'), 'utf8');
  const parsed = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const name = SECTION.exec(line)?.[1];
    if (name) parsed.set(name, (current = []));
    else current?.push(line);
  }
  for (const lines of parsed.values()) {
    while (lines[0] === '') lines.shift();
    while (lines.at(-1) === '') lines.pop();
  }
  return (sections = parsed);
}

/**
 * Section `name` of the template with every `{{placeholder}}` filled from `values`. A list
 * replaces a placeholder that is alone on its line with its lines (none for an empty list), as
 * the lines of a Markdown list or of a code block. A placeholder without a value, a value
 * without a placeholder and an unknown section are errors, so template and renderer cannot
 * drift apart unnoticed.
 */
export function fillSection(name: string, values: Readonly<Record<string, TemplateValue>>): string {
  const lines = templateSections().get(name);
  if (!lines) throw new Error(`RESULTS.template.md has no section "${name}"`);
  const used = new Set<string>();
  const value = (key: string): TemplateValue => {
    if (!Object.hasOwn(values, key))
      throw new Error(`RESULTS.template.md, section "${name}": no value for {{${key}}}`);
    used.add(key);
    return values[key];
  };
  const out: string[] = [];
  for (const line of lines) {
    const alone = LINE_PLACEHOLDER.exec(line)?.[1];
    const whole = alone === undefined ? undefined : value(alone);
    if (Array.isArray(whole)) {
      out.push(...(whole as readonly string[]));
      continue;
    }
    out.push(
      line.replace(PLACEHOLDER, (_, key: string) => {
        const filled = value(key);
        if (Array.isArray(filled))
          throw new Error(
            `RESULTS.template.md, section "${name}": {{${key}}} is inline, not a list`,
          );
        return String(filled);
      }),
    );
  }
  const unused = Object.keys(values).filter((key) => !used.has(key));
  if (unused.length)
    throw new Error(
      `RESULTS.template.md, section "${name}": no placeholder for ${unused.join(', ')}`,
    );
  return out.join('\n');
}
