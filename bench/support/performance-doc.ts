import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER =
  '# Performance\n\nMeasured figures, one section per benchmark. Each section is rewritten by its own benchmark; re-run it on your machine before quoting.\n\n';

/** Replaces (or appends) the section that starts with `heading` in docs/performance.md. */
export function writePerformanceSection(root: string, heading: string, section: string): string {
  const path = join(root, 'docs/performance.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const start = current.indexOf(heading);
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(path, `${next.trimEnd()}\n`);
  return path;
}
