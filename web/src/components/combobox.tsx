import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { describedByOf, FieldFrame } from './field-frame.tsx';

export interface ComboboxOption<T> {
  key: string;
  /** What the input shows once chosen, and the option's accessible name. */
  text: string;
  /** The option's language when it differs from the page's (a label ESCO lacks in it). */
  lang?: string | undefined;
  /** A second line, e.g. the ISCO code. */
  detail?: ReactNode;
  value: T;
}

export interface ComboboxTexts {
  /** Said (live) and shown when the query is too short to search. */
  typeMore: string;
  noResults: string;
  results(count: number): string;
  failed: string;
}

interface ComboboxProps<T> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The text in the input: the chosen option's, or what the user is typing. */
  text: string;
  onTextChange(text: string): void;
  /** The options for a query, best first (from the server or a local filter). */
  search(query: string): Promise<ComboboxOption<T>[]> | ComboboxOption<T>[];
  onSelect(option: ComboboxOption<T>): void;
  texts: ComboboxTexts;
  /** Fewer characters than this show no list (0: the whole list opens on ArrowDown or a click). */
  minChars?: number;
  /** How long typing pauses before a search: server searches wait, local filters need not. */
  debounceMs?: number;
  /** What is below the input: the choice's consequences (the ISCO code, the level). */
  children?: ReactNode;
}

/**
 * An editable combobox with a list popup (WAI-ARIA APG 1.2 "combobox with listbox popup", list
 * autocomplete without automatic selection): typing filters; ArrowDown/ArrowUp move through the
 * options, shown with aria-activedescendant while focus stays in the input; Enter chooses; Escape
 * closes the list, or empties the input when it is already closed; Tab leaves. A polite status
 * says how many options there are, since a screen reader does not announce the list by itself.
 */
export function Combobox<T>({
  id,
  label,
  hint,
  error,
  text,
  onTextChange,
  search,
  onSelect,
  texts,
  minChars = 2,
  debounceMs = 150,
  children,
}: ComboboxProps<T>) {
  const listId = `${id}-listbox`;
  const statusId = useId();
  const [options, setOptions] = useState<ComboboxOption<T>[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const optionId = (index: number) => `${id}-option-${index}`;

  function close() {
    clearTimeout(timer.current);
    latest.current += 1; // answers still in flight no longer open the list
    setOpen(false);
    setActive(-1);
  }

  function runSearch(query: string, delay: number) {
    clearTimeout(timer.current);
    const request = ++latest.current;
    if (query.trim().length < minChars) {
      setOptions([]);
      setOpen(false);
      setActive(-1);
      setStatus(query.trim() === '' ? '' : texts.typeMore);
      return;
    }
    const run = async () => {
      try {
        const found = await search(query);
        if (request !== latest.current) return;
        setOptions(found);
        setOpen(true);
        setActive(-1);
        setStatus(found.length === 0 ? texts.noResults : texts.results(found.length));
      } catch {
        if (request !== latest.current) return;
        setOptions([]);
        setOpen(false);
        setStatus(texts.failed);
      }
    };
    if (delay === 0) void run();
    else timer.current = setTimeout(run, delay);
  }

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    close();
    setStatus('');
    onSelect(option);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) {
          runSearch(text, 0);
          return;
        }
        setActive((current) => (options.length === 0 ? -1 : (current + 1) % options.length));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen) return;
        setActive((current) => (current <= 0 ? options.length - 1 : current - 1));
        return;
      case 'Enter':
        // Enter on a highlighted option chooses it rather than submitting the form.
        if (isOpen && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        return;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (text !== '') {
          event.preventDefault();
          onTextChange('');
          setStatus('');
        }
        return;
      case 'Tab':
        close();
        return;
    }
  }

  const isListShown = isOpen && options.length > 0;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          className={error ? 'input combobox__input input--error' : 'input combobox__input'}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isListShown}
          aria-controls={listId}
          aria-activedescendant={isListShown && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByOf(id, hint, error)}
          value={text}
          onChange={(event) => {
            onTextChange(event.target.value);
            runSearch(event.target.value, debounceMs);
          }}
          onKeyDown={onKeyDown}
          onClick={() => {
            if (!isOpen && minChars === 0) runSearch(text, 0);
          }}
          onBlur={close}
        />
        <div
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label={label}
          className="combobox__list"
          hidden={!isListShown}
        >
          {options.map((option, index) => (
            // The keyboard works in the input (aria-activedescendant), so options take no focus.
            // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox's input
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input's keydown handles the keyboard
            <div
              key={option.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              // Keep the focus in the input: the blur would close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              <span lang={option.lang}>{option.text}</span>
              {option.detail ? (
                <>
                  {' '}
                  <span className="combobox__detail">{option.detail}</span>
                </>
              ) : null}
            </div>
          ))}
        </div>
      </div>
      <p id={statusId} role="status" className="visually-hidden">
        {status}
      </p>
      {children}
    </FieldFrame>
  );
}
