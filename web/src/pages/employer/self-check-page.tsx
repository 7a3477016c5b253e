import { type FormEvent, useEffect, useState } from 'react';
import { CATEGORIES } from '../../../../src/rules/contract.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { answerErrorBeside, answerErrorInSummary, describeFieldError } from '../../field-names.ts';
import { messagesWithout, summaryWithout } from '../../form-errors.ts';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { AssessmentView } from './assessment-view.tsx';
import {
  type Assessment,
  askedQuestions,
  brusselsToday,
  buildSelfCheckApplication,
  type Category,
  type FormValues,
  fieldId,
  groupFieldErrors,
  type Question,
  type Step,
  selfCheckErrorPath,
} from './dossier-model.ts';
import type { FormContext } from './function-pickers.tsx';
import { categoryExplanation, categoryName, questionLabel, stepName } from './labels.ts';
import { QuestionField } from './question-field.tsx';

const NATIONALITY_PATH = 'application.worker.nationality';
// The nationality question is the same in every category: read from one to ask it first.
const FIRST_CATEGORY: Category = 'HIGHLY_SKILLED';

/**
 * The self-check asks what the rules need: the application's questions, not the worker's name;
 * and not the nationality again, which it asked first.
 */
function selfCheckSteps(steps: readonly Step[]): Step[] {
  return steps
    .map((step) => ({
      ...step,
      questions: step.questions.filter(
        (q) => q.path.startsWith('application.') && q.path !== NATIONALITY_PATH,
      ),
    }))
    .filter((step) => step.questions.length > 0);
}

/** `/self-check`: the public eligibility check, before filing (no sign-in, nothing stored). */
export function SelfCheckPage() {
  const t = useT();
  const { api } = useSession();
  const [category, setCategory] = useState<Category | ''>('');
  const [steps, setSteps] = useState<Step[] | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<{ summary: SummaryItem[]; byPath: Record<string, string> }>({
    summary: [],
    byPath: {},
  });
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [isChecking, setChecking] = useState(false);
  const [nationalityQuestion, setNationalityQuestion] = useState<Question | null>(null);
  usePageTitle(t('employer.selfCheck.title'), errors.summary.length > 0);
  const answer = (path: string, value: FormValues[string]) => {
    setValues((current) => ({ ...current, [path]: value }));
    // A changed answer's message no longer holds: it goes at once, beside the field and in the summary.
    setErrors((current) => ({
      summary: summaryWithout(current.summary, fieldId(path)),
      byPath: messagesWithout(current.byPath, path),
    }));
  };

  // Asked first: a Belgian, EU, EEA or Swiss worker needs no authorisation, whatever the job.
  useEffect(() => {
    let isCurrent = true;
    api.call<{ steps: Step[] }>('GET', `/api/v1/application-steps/${FIRST_CATEGORY}`).then(
      (answer) => {
        const found = answer.steps.flatMap((step) => step.questions).find((q) => q.path === NATIONALITY_PATH);
        if (isCurrent && found) setNationalityQuestion(found);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [api]);
  const nationality = values[NATIONALITY_PATH];
  const needsNoAuthorisation =
    typeof nationality === 'string' && (nationalityQuestion?.noApplicationFor ?? []).includes(nationality);

  useEffect(() => {
    if (!category) return;
    let isCurrent = true;
    setSteps(null);
    setAssessment(null);
    api.call<{ steps: Step[] }>('GET', `/api/v1/application-steps/${category}`).then(
      (answer) => isCurrent && setSteps(selfCheckSteps(answer.steps)),
      () => isCurrent && setSteps([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, category]);

  const questions: Question[] = [
    ...(nationalityQuestion ? [nationalityQuestion] : []),
    ...(steps ?? []).flatMap((step) => step.questions),
  ];
  // The self-check asks about a first application filed today.
  const form: FormContext = {
    applicationDate: brusselsToday(),
    ...(category ? { category } : {}),
    isRenewal: false,
    paths: questions.map((question) => question.path),
    values,
    setValues,
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!category || isChecking) return;
    setChecking(true);
    try {
      const application = buildSelfCheckApplication(category, brusselsToday(), questions, values);
      const result = await api.call<Assessment>(
        'POST',
        `/api/v1/assessments?lang=${currentLang()}`,
        application,
      );
      setErrors({ summary: [], byPath: {} });
      setAssessment(result);
    } catch (error) {
      setAssessment(null);
      if (!(error instanceof ApiError)) {
        setErrors({ summary: [{ message: t('employer.errors.network') }], byPath: {} });
        return;
      }
      const fields = error.fields.map((field) => ({ ...field, path: selfCheckErrorPath(field.path) }));
      const { byPath, others } = groupFieldErrors(questions, fields);
      const summary: SummaryItem[] = [];
      const messages: Record<string, string> = {};
      for (const question of questions) {
        const found = byPath[question.path];
        if (!found) continue;
        messages[question.path] = answerErrorBeside(found);
        summary.push({
          message: answerErrorInSummary(questionLabel(t, question.path), found),
          fieldId: fieldId(question.path),
        });
      }
      if (summary.length === 0 || others.length > 0) {
        summary.unshift({ message: error.message });
        for (const other of others) summary.push({ message: describeFieldError(other) });
      }
      setErrors({ summary, byPath: messages });
    } finally {
      setChecking(false);
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading>{t('employer.selfCheck.title')}</PageHeading>
      <p className="lead">{t('employer.selfCheck.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        {nationalityQuestion ? (
          <QuestionField
            question={nationalityQuestion}
            value={values[NATIONALITY_PATH]}
            onChange={(value) => answer(NATIONALITY_PATH, value)}
            error={errors.byPath[NATIONALITY_PATH]}
            form={form}
          />
        ) : (
          <Loading />
        )}
        {needsNoAuthorisation ? null : (
          <SelfCheckQuestions
            category={category}
            setCategory={setCategory}
            steps={steps}
            values={values}
            answer={answer}
            errors={errors.byPath}
            form={form}
            isChecking={isChecking}
          />
        )}
      </form>
      <div aria-live="polite">
        {assessment && !needsNoAuthorisation ? <AssessmentView assessment={assessment} /> : null}
      </div>
    </>
  );
}

/** The category, then its questions and the button: once the nationality needs an authorisation. */
function SelfCheckQuestions(props: {
  category: Category | '';
  setCategory(category: Category): void;
  steps: Step[] | null;
  values: FormValues;
  answer(path: string, value: FormValues[string]): void;
  errors: Record<string, string>;
  form: FormContext;
  isChecking: boolean;
}) {
  const t = useT();
  const { category, steps, values, answer, errors, form, isChecking } = props;
  // A question that depends on an answer (the NARIC reference on the nurse's) appears once asked.
  const shown = new Set(
    askedQuestions(
      (steps ?? []).flatMap((step) => step.questions),
      values,
    ).map((q) => q.path),
  );
  return (
    <>
      <RadioGroup
        id="self-check-category"
        name="category"
        legend={<span className="form-legend--large">{t('employer.new.categoryLegend')}</span>}
        options={CATEGORIES.map((value) => ({
          value,
          label: categoryName(t, value),
          hint: categoryExplanation(t, value),
        }))}
        value={category}
        onChange={(value) => props.setCategory(value as Category)}
      />
      {category && steps === null ? <Loading /> : null}
      {(steps ?? []).map((step) => (
        <section key={step.id} aria-labelledby={`self-check-${step.id}`}>
          <h2 id={`self-check-${step.id}`}>{stepName(t, step.id)}</h2>
          {step.questions
            .filter((question) => shown.has(question.path))
            .map((question) => (
              <QuestionField
                key={question.path}
                question={question}
                value={values[question.path]}
                onChange={(value) => answer(question.path, value)}
                error={errors[question.path]}
                form={form}
              />
            ))}
        </section>
      ))}
      {steps && steps.length > 0 ? (
        <button type="submit" className="button" disabled={isChecking}>
          {isChecking ? t('employer.selfCheck.checking') : t('employer.selfCheck.check')}
        </button>
      ) : null}
    </>
  );
}
