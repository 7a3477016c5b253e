import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, type FieldError } from '../api.ts';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../components/page-heading.tsx';
import { TextField } from '../components/text-field.tsx';
import { describeFieldError } from '../field-names.ts';
import { useT } from '../i18n.ts';
import { roleHomePath } from '../roles.ts';
import { navigate } from '../routing.tsx';
import { useSession } from '../session.tsx';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface LoginErrors {
  summary: SummaryItem[];
  byField: Partial<Record<Field, string>>;
}

const NO_ERRORS: LoginErrors = { summary: [], byField: {} };

function isField(path: string): path is Field {
  return (FIELDS as readonly string[]).includes(path);
}

/** Turns a failed sign-in into the summary and the per-field messages; texts come from the server. */
function toLoginErrors(error: unknown, label: (field: Field) => string, networkMessage: string): LoginErrors {
  if (!(error instanceof ApiError)) return { summary: [{ message: networkMessage }], byField: {} };
  if (error.code === 'LOKET_INVALID_CREDENTIALS') {
    return { summary: [{ message: error.message, fieldId: 'username' }], byField: {} };
  }
  const byField: Partial<Record<Field, string>> = {};
  const summary: SummaryItem[] = [];
  const others = error.fields.filter((field: FieldError) => !isField(field.path));
  for (const field of FIELDS) {
    const messages = error.fields.filter((f) => f.path === field).map((f) => f.message);
    if (messages.length === 0) continue;
    const message = `${label(field)} ${messages.join('; ')}`;
    byField[field] = message;
    summary.push({ message, fieldId: field });
  }
  if (summary.length === 0 || others.length > 0) {
    summary.unshift({ message: error.message });
    for (const other of others) summary.push({ message: describeFieldError(other) });
  }
  return { summary, byField };
}

/** `/login`: sign in with a local account, following the GOV.UK / NL Design System form pattern. */
export function LoginPage() {
  const t = useT();
  const { state, signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<LoginErrors>(NO_ERRORS);
  const [isSubmitting, setSubmitting] = useState(false);
  usePageTitle(t('login.pageTitle'), errors.summary.length > 0);

  const signedInUser = state.status === 'ready' ? state.user : null;
  useEffect(() => {
    if (signedInUser && !isSubmitting) navigate(roleHomePath(signedInUser.role), { replace: true });
  }, [signedInUser, isSubmitting]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    setSubmitting(true);
    try {
      const user = await signIn(username, password);
      setErrors(NO_ERRORS);
      if (user) navigate(roleHomePath(user.role));
    } catch (error) {
      setErrors(toLoginErrors(error, (field) => t(`login.${field}`), t('login.networkError')));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} />
      <PageHeading>{t('login.title')}</PageHeading>
      <p>{t('login.intro')}</p>
      <form method="post" action="/login" noValidate onSubmit={onSubmit}>
        <TextField
          id="username"
          name="username"
          type="text"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={errors.byField.username}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.byField.password}
        />
        <button type="submit" className="button">
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
