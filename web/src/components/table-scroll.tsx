import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n.ts';

/**
 * The box around a table: a table wider than the room it has (a phone, a column beside a panel)
 * scrolls sideways inside this box, never the page. Only while it does is the box a region named
 * `label` (the table's caption) that takes the keyboard focus, so it can be scrolled without a
 * mouse (WCAG 2.1.1) and a table that fits adds no tab stop; and only then does a line above it say
 * that the table goes on sideways (a phone shows no scroll bar until one swipes), which the region
 * takes as its description.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const cueId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {overflows ? (
        <p id={cueId} className="table-scroll__cue">
          {t('shell.tableScrollCue')}
          <span aria-hidden="true"> →</span>
        </p>
      ) : null}
      <div
        ref={box}
        className="table-scroll"
        {...(overflows
          ? { role: 'region', 'aria-label': label, 'aria-describedby': cueId, tabIndex: 0 }
          : {})}
      >
        {children}
      </div>
    </>
  );
}
