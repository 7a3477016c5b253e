import { createContext, useContext } from 'react';
import { type MessageKey, useT } from '../i18n.ts';

/** The interface's own words that every form uses: the error summary's heading, "Error:" before a message. */
export interface ShellTexts {
  errorSummaryTitle: string;
  errorPrefix: string;
}

const ShellTextsContext = createContext<Partial<ShellTexts>>({});

/**
 * Pages that speak a language the interface does not (the desk in Turkish, decision 014) give these
 * words in their language, so a Turkish form never says "Er is een probleem".
 */
export const ShellTextsProvider = ShellTextsContext.Provider;

export function useShellText(key: keyof ShellTexts): string {
  const t = useT();
  const own = useContext(ShellTextsContext)[key];
  return own ?? t(`shell.${key}` as MessageKey);
}
