import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { type AnswerProblem, checkAnswers } from '../../../../src/dossiers/intake/answer-checks.ts';
import { ApiError, type FieldError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { answerErrorBeside, answerErrorInSummary, describeFieldError } from '../../field-names.ts';
import { messagesWithout, summaryWithout } from '../../form-errors.ts';
import { currentLang, type Translate, useT } from '../../i18n.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { Loading } from '../role-home-page.tsx';
import { DocumentsStep } from './documents-step.tsx';
import {
  askedQuestions,
  brusselsToday,
  type DossierOverview,
  type FormValues,
  fieldId,
  groupFieldErrors,
  readAnswer,
  type Step,
  toAnswer,
  toFormValues,
  toStepAnswers,
} from './dossier-model.ts';
import { dossierPath, stepPath } from './employer-area.tsx';
import type { FormContext } from './function-pickers.tsx';
import { categoryName, questionLabel, stepName } from './labels.ts';
import { QuestionField } from './question-field.tsx';
import { ReviewStep } from './review-step.tsx';
import { SALARY_PATH, salaryShortfall, salaryWarning, shortfallKey } from './salary-shortfall.ts';
import { useDossier } from './use-dossier.ts';

/** `/employer/dossiers/:id/steps/:stepId`: one step of a draft application per page. */
export function StepPage({ dossierId, stepId }: { dossierId: string; stepId: string }) {
  const { load, reload, replace } = useDossier(dossierId);
  // The form starts again from the dossier only when it is reloaded (after a conflict), not when a
  // save in part returns the new version: the answers not saved stay in the form, with their message.
  const [generation, setGeneration] = useState(0);
  const reloadForm = async () => {
    await reload();
    setGeneration((current) => current + 1);
  };
  const dossier = load.status === 'ready' ? load.dossier : null;
  const isSubmitted = dossier !== null && dossier.status !== 'DRAFT';

  useEffect(() => {
    // A submitted application cannot change any more: its page shows where it stands.
    if (isSubmitted) navigate(dossierPath(dossierId), { replace: true });
  }, [isSubmitted, dossierId]);

  if (load.status === 'loading' || isSubmitted) return <Loading />;
  if (load.status === 'failed') return <NotFoundPage />;
  const index = load.dossier.steps.findIndex((step) => step.id === stepId);
  const step = load.dossier.steps[index];
  if (!step) return <NotFoundPage />;
  return (
    <StepFrame dossier={load.dossier} index={index}>
      {step.id === 'documents' ? (
        <DocumentsStep dossier={load.dossier} onChanged={reload} next={nextPath(load.dossier, index)} />
      ) : step.id === 'review' ? (
        <ReviewStep dossier={load.dossier} onReload={reload} />
      ) : (
        <QuestionStep
          key={`${step.id}-${generation}`}
          dossier={load.dossier}
          step={step}
          next={nextPath(load.dossier, index)}
          onSaved={replace}
          onReload={reloadForm}
        />
      )}
    </StepFrame>
  );
}

function nextPath(dossier: DossierOverview, index: number): string {
  const next = dossier.steps[index + 1];
  return next ? stepPath(dossier.id, next.id) : dossierPath(dossier.id);
}

/** The step indicator, the heading and the way back, around each step's own content. */
function StepFrame({
  dossier,
  index,
  children,
}: {
  dossier: DossierOverview;
  index: number;
  children: ReactNode;
}) {
  const t = useT();
  const previous = dossier.steps[index - 1];
  return (
    <>
      {previous ? (
        <p>
          <Link className="emp-back-link" href={stepPath(dossier.id, previous.id)}>
            {t('employer.steps.back', { step: stepName(t, previous.id) })}
          </Link>
        </p>
      ) : (
        <p>
          <Link className="emp-back-link" href="/employer">
            {t('employer.steps.backHome')}
          </Link>
        </p>
      )}
      <p className="emp-step-indicator">
        {t('employer.steps.indicator', { current: index + 1, total: dossier.steps.length })}
        <span className="emp-step-indicator__category">
          {' – '}
          {categoryName(t, dossier.category)}
        </span>
      </p>
      {children}
    </>
  );
}

interface FormErrors {
  summary: SummaryItem[];
  byPath: Record<string, string>;
  conflict: boolean;
}

const NO_ERRORS: FormErrors = { summary: [], byPath: {}, conflict: false };

/** A 400 as the summary ("<label>: <message>") and the per-question messages beside each field. */
export function toFormErrors(t: Translate, step: Step, error: unknown): FormErrors {
  if (!(error instanceof ApiError))
    return { ...NO_ERRORS, summary: [{ message: t('employer.errors.network') }] };
  if (error.status === 409 && error.code === 'LOKET_VERSION_CONFLICT')
    return { ...NO_ERRORS, conflict: true };
  return fieldErrorsOf(t, step, error.fields, error.message);
}

/** Per-question messages of field errors, and the summary that leads to each. */
function fieldErrorsOf(t: Translate, step: Step, fields: FieldError[], heading: string): FormErrors {
  const { byPath, others } = groupFieldErrors(step.questions, fields);
  const summary: SummaryItem[] = [];
  const messages: Record<string, string> = {};
  for (const question of step.questions) {
    const found = byPath[question.path];
    if (!found) continue;
    // Beside the field, under its label, the message need not name it; the summary names it once.
    messages[question.path] = answerErrorBeside(found);
    summary.push({
      message: answerErrorInSummary(questionLabel(t, question.path), found),
      fieldId: fieldId(question.path),
    });
  }
  if (summary.length === 0 || others.length > 0) {
    summary.unshift({ message: heading });
    for (const other of others) summary.push({ message: describeFieldError(other) });
  }
  return { summary, byPath: messages, conflict: false };
}

/** What a check of answer-checks.ts found, as said beside the field (`asError`: its errors, else its warnings). */
function answerCheckText(t: Translate, problem: AnswerProblem | undefined, asError: boolean) {
  if (!problem || problem.isError !== asError) return undefined;
  if (problem.rule === 'workplace.notFlanders')
    return t('employer.answerChecks.workplace.notFlanders', {
      region: t(`employer.inadmissible.regions.${problem.authority}`),
    });
  return t(`employer.answerChecks.${problem.rule}`);
}

/** The errors the form finds itself, as the summary and beside each field. */
function answerCheckErrors(t: Translate, invalid: readonly AnswerProblem[]): FormErrors {
  const summary = invalid.map((problem) => ({
    message: answerErrorInSummary(questionLabel(t, problem.path), [
      { rule: problem.rule, message: answerCheckText(t, problem, true) ?? '' },
    ]),
    fieldId: fieldId(problem.path),
  }));
  return { summary, byPath: {}, conflict: false };
}

interface QuestionStepProps {
  dossier: DossierOverview;
  step: Step;
  next: string;
  onSaved(dossier: DossierOverview): void;
  onReload(): Promise<void>;
}

/** A step with questions: prefilled from the dossier, saved with the version it was read at. */
function QuestionStep({ dossier, step, next, onSaved, onReload }: QuestionStepProps) {
  const t = useT();
  const { api } = useSession();
  const [values, setValues] = useState<FormValues>(() =>
    toFormValues(step.questions, dossier, currentLang() !== 'en'),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [isSaving, setSaving] = useState(false);
  // The answers checked as their field is left, by the server's own pure check (answer-checks.ts).
  const [leftPaths, setLeftPaths] = useState<ReadonlySet<string>>(() => new Set());
  // The salary answers whose shortfall the employer was shown: pressing on again with them goes on.
  const [shortfallSeenFor, setShortfallSeenFor] = useState<string | null>(null);
  const title = stepName(t, step.id);
  usePageTitle(title, errors.summary.length > 0);
  // A question that depends on another answer appears once that answer asks it.
  const shownQuestions = askedQuestions(step.questions, values, dossier);
  const form: FormContext = {
    applicationDate: String(dossier.application.applicationDate ?? brusselsToday()),
    category: dossier.category,
    isRenewal: dossier.kind === 'RENEWAL',
    paths: shownQuestions.map((question) => question.path),
    values,
    setValues,
  };

  const onStep = new Set(form.paths);
  const problems = checkAnswers(values, form.applicationDate).filter((problem) => onStep.has(problem.path));
  const shown = new Map<string, AnswerProblem>(
    problems.filter((problem) => leftPaths.has(problem.path)).map((problem) => [problem.path, problem]),
  );
  const leave = (path: string) =>
    setLeftPaths((current) => (current.has(path) ? current : new Set([...current, path])));
  const change = (path: string, value: FormValues[string]) => {
    setValues((current) => ({ ...current, [path]: value }));
    // The message was about the answer sent; a changed answer is judged again when it is sent.
    setErrors((current) => {
      const byPath = messagesWithout(current.byPath, path);
      const summary = summaryWithout(current.summary, fieldId(path));
      return byPath === current.byPath && summary.length === current.summary.length
        ? current
        : { ...current, byPath, summary };
    });
  };

  // The salary the rules engine judged too low on the saved answers (the draft's assessment), said
  // under the salary field while the form still holds the answers it judged.
  const salaryQuestion = shownQuestions.find((question) => question.path === SALARY_PATH);
  const savedShortfall = salaryQuestion ? salaryShortfall(dossier.assessment) : null;
  const formAnswerAt = (path: string) => {
    const question = step.questions.find((candidate) => candidate.path === path);
    return question ? toAnswer(question, values[path]) : readAnswer(dossier, path);
  };
  const shortfall =
    savedShortfall && shortfallKey(formAnswerAt) === shortfallKey((path) => readAnswer(dossier, path))
      ? savedShortfall
      : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    // Going on checks every answer as if its field was left: an error stays here, a warning not
    // yet seen is shown once before the step is saved.
    setLeftPaths(new Set([...leftPaths, ...problems.map((problem) => problem.path)]));
    const invalid = problems.filter((problem) => problem.isError);
    if (invalid.length > 0) {
      setErrors(answerCheckErrors(t, invalid));
      return;
    }
    const unseen = problems.find((problem) => !problem.isError && !leftPaths.has(problem.path));
    if (unseen) {
      document.getElementById(fieldId(unseen.path))?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.call<DossierOverview & { answerErrors?: FieldError[] }>(
        'PUT',
        `/api/v1/dossiers/${dossier.id}/steps/${step.id}`,
        {
          version: dossier.version,
          answers: toStepAnswers(shownQuestions, values),
        },
      );
      onSaved(saved);
      const notSaved = saved.answerErrors ?? [];
      if (notSaved.length > 0) {
        // The valid answers are saved; the others stay here, each with its message.
        setErrors(fieldErrorsOf(t, step, notSaved, t('employer.form.savedInPart')));
        return;
      }
      setErrors(NO_ERRORS);
      // A salary below the category's threshold stops here once, under its field, before review.
      const found = salaryQuestion ? salaryShortfall(saved.assessment) : null;
      const key = shortfallKey((path) => readAnswer(saved, path));
      if (found && shortfallSeenFor !== key) {
        setShortfallSeenFor(key);
        document.getElementById(fieldId(SALARY_PATH))?.focus();
        return;
      }
      navigate(next);
    } catch (error) {
      setErrors(toFormErrors(t, step, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {errors.conflict ? (
        <div className="emp-notice emp-notice--warning" role="alert">
          <h2 className="emp-notice__title">{t('employer.conflict.title')}</h2>
          <p>{t('employer.conflict.text')}</p>
          <button type="button" className="button button--secondary" onClick={() => void onReload()}>
            {t('employer.conflict.reload')}
          </button>
        </div>
      ) : null}
      <PageHeading>{title}</PageHeading>
      <p>{t(`employer.stepIntro.${step.id as 'employer' | 'worker' | 'job' | 'specific'}`)}</p>
      <form noValidate onSubmit={onSubmit}>
        {shownQuestions.map((question) => (
          <QuestionField
            key={question.path}
            question={question}
            value={values[question.path]}
            onChange={(value) => change(question.path, value)}
            error={errors.byPath[question.path] ?? answerCheckText(t, shown.get(question.path), true)}
            warning={
              question.path === SALARY_PATH && shortfall ? (
                <SalaryWarning dossier={dossier} shortfall={shortfall} />
              ) : (
                answerCheckText(t, shown.get(question.path), false)
              )
            }
            onLeave={() => leave(question.path)}
            form={form}
            inApplication
          />
        ))}
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? t('employer.form.saving') : t('employer.form.saveAndContinue')}
        </button>
      </form>
    </>
  );
}

/** Under the salary field: what the rules found, the threshold in euro, and what the amount means. */
function SalaryWarning({
  dossier,
  shortfall,
}: {
  dossier: DossierOverview;
  shortfall: NonNullable<ReturnType<typeof salaryShortfall>>;
}) {
  const t = useT();
  const { finding, explanation } = salaryWarning(t, currentLang(), dossier.category, shortfall);
  return (
    <>
      <p>{finding}</p>
      <p>{explanation}</p>
      <p>{t('employer.salaryCheck.continue', { button: t('employer.form.saveAndContinue') })}</p>
    </>
  );
}
