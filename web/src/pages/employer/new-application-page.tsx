import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CATEGORIES } from '../../../../src/rules/contract.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { summaryWithout } from '../../form-errors.ts';
import { formatKbo } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import type { DossierOverview } from './dossier-model.ts';
import { stepPath } from './employer-area.tsx';
import { categoryExplanation, categoryName } from './labels.ts';

interface Enterprise {
  enterpriseNumber: string;
  name: string | null;
}

/**
 * `/employer/new`: the category and the enterprise, then a draft. The API client cannot send an
 * Idempotency-Key header yet, so a double click is guarded by disabling the button while pending.
 */
export function NewApplicationPage() {
  const t = useT();
  const { api } = useSession();
  const idempotencyKey = useRef(`new:${crypto.randomUUID()}`);
  const [enterprises, setEnterprises] = useState<Enterprise[] | null>(null);
  const [category, setCategory] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [errors, setErrors] = useState<{ category?: string; enterprise?: string; summary: SummaryItem[] }>({
    summary: [],
  });
  const [isPending, setPending] = useState(false);
  usePageTitle(t('employer.new.title'), errors.summary.length > 0);

  useEffect(() => {
    api.call<{ enterprises: Enterprise[] }>('GET', '/api/v1/employer/enterprises').then(
      (answer) => {
        setEnterprises(answer.enterprises);
        if (answer.enterprises.length === 1) setEnterprise(answer.enterprises[0]?.enterpriseNumber ?? '');
      },
      () => setEnterprises([]),
    );
  }, [api]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const categoryError = category ? undefined : t('employer.new.chooseCategory');
    const enterpriseError = enterprise ? undefined : t('employer.new.chooseEnterprise');
    if (categoryError || enterpriseError) {
      const summary: SummaryItem[] = [];
      if (categoryError) summary.push({ message: categoryError, fieldId: 'category' });
      if (enterpriseError) summary.push({ message: enterpriseError, fieldId: 'enterprise' });
      setErrors({ category: categoryError, enterprise: enterpriseError, summary });
      return;
    }
    setPending(true);
    try {
      // One key per visit of this page: a retried or doubled request returns the same draft.
      const draft = await api.call<DossierOverview>(
        'POST',
        '/api/v1/dossiers',
        { category, enterpriseNumber: enterprise },
        { 'idempotency-key': idempotencyKey.current },
      );
      navigate(stepPath(draft.id, draft.steps[0]?.id ?? 'employer'));
    } catch (error) {
      const message = error instanceof ApiError ? error.message : t('employer.errors.network');
      setErrors({ summary: [{ message }] });
      setPending(false);
    }
  }

  if (enterprises === null) return <Loading />;
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading>{t('employer.new.title')}</PageHeading>
      <p className="lead">{t('employer.new.intro')}</p>
      <p>
        <Link href="/self-check">{t('employer.new.selfCheckHint')}</Link>
      </p>
      <form noValidate onSubmit={onSubmit}>
        <RadioGroup
          id="category"
          name="category"
          legend={<span className="form-legend--large">{t('employer.new.categoryLegend')}</span>}
          options={CATEGORIES.map((value) => ({
            value,
            label: categoryName(t, value),
            hint: categoryExplanation(t, value),
          }))}
          value={category}
          onChange={(value) => {
            setCategory(value);
            setErrors((current) => ({
              summary: summaryWithout(current.summary, 'category'),
              enterprise: current.enterprise,
            }));
          }}
          error={errors.category}
        />
        {enterprises.length === 0 ? (
          <p role="alert">{t('employer.new.noEnterprise')}</p>
        ) : (
          <RadioGroup
            id="enterprise"
            name="enterprise"
            legend={t('employer.new.enterpriseLegend')}
            options={enterprises.map((e) => ({
              value: e.enterpriseNumber,
              label: e.name ? `${e.name} (${formatKbo(e.enterpriseNumber)})` : formatKbo(e.enterpriseNumber),
            }))}
            value={enterprise}
            onChange={(value) => {
              setEnterprise(value);
              setErrors((current) => ({
                summary: summaryWithout(current.summary, 'enterprise'),
                category: current.category,
              }));
            }}
            error={errors.enterprise}
          />
        )}
        <button type="submit" className="button" disabled={isPending} aria-disabled={isPending}>
          {isPending ? t('employer.new.starting') : t('employer.new.start')}
        </button>
      </form>
    </>
  );
}
