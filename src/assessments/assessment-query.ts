import Type from 'typebox';
import { LANGUAGES } from '../i18n/languages.ts';

/** `?lang=` and `?at=` of the assessment routes. */
export const AssessmentQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Enum([...LANGUAGES], {
        description: 'Language of the messages; default Accept-Language, then nl',
      }),
    ),
    at: Type.Optional(
      Type.String({ format: 'date', description: 'Apply the rules in force on this date (YYYY-MM-DD)' }),
    ),
  },
  { additionalProperties: false },
);
