import type { Lang } from '../../i18n/languages.ts';
import type { Catalogue } from './catalogue.ts';
import { CATALOGUE_EN } from './catalogue-en.ts';
import { CATALOGUE_FR } from './catalogue-fr.ts';
import { CATALOGUE_NL } from './catalogue-nl.ts';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  nl: CATALOGUE_NL,
  fr: CATALOGUE_FR,
  en: CATALOGUE_EN,
};
export { FORMATTERS, type Formatter } from './format.ts';
