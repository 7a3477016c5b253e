import { Fragment, useEffect, useState } from 'react';
import type { Block, DeskPage, Inline } from '../../../../src/desk/desk-content.ts';
import type { DeskLang } from '../../../../src/desk/desk-languages.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { LANGUAGE_NAMES } from './desk-catalogues.ts';
import { deskHref, useDesk } from './desk-texts.ts';

type PageSummary = Pick<DeskPage, 'title' | 'summary' | 'translation'> & { topic: string };

/** The desk's own language choice: one link per language, each named in itself. */
export function DeskLanguageNav({ path }: { path: string }) {
  const { lang, t, languages } = useDesk();
  return (
    <nav aria-label={t('languageNav')} className="desk-languages">
      <ul className="desk-languages__list">
        {languages.map((other: DeskLang) => (
          <li key={other}>
            {other === lang ? (
              <strong lang={other} aria-current="true">
                {LANGUAGE_NAMES[other]}
              </strong>
            ) : (
              <Link href={`${path}?lang=${other}`} lang={other} hrefLang={other}>
                {LANGUAGE_NAMES[other]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** `/desk`: the information desk's front page: its topics, the report form, the follow-up. */
export function DeskHomePage() {
  const { lang, t } = useDesk();
  const { api } = useSession();
  const [pages, setPages] = useState<PageSummary[] | null | undefined>(undefined);
  usePageTitle(t('title'));
  useEffect(() => {
    let current = true;
    setPages(undefined);
    api.call<{ pages: PageSummary[] }>('GET', `/api/v1/desk/pages?lang=${lang}`).then(
      (answer) => current && setPages(answer.pages),
      () => current && setPages(null),
    );
    return () => {
      current = false;
    };
  }, [api, lang]);
  return (
    <div lang={lang}>
      <DeskLanguageNav path={pagePath('deskHome')} />
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <section aria-labelledby="desk-topics">
        <h2 id="desk-topics">{t('topicsTitle')}</h2>
        {pages === undefined ? <Loading /> : null}
        {pages === null ? <p role="alert">{t('loadFailed')}</p> : null}
        {pages ? (
          <ul className="desk-topics">
            {pages.map((page) => (
              <li key={page.topic} className="desk-topics__item">
                <Link href={deskHref(pagePath('deskInfo', { topic: page.topic }), lang)}>{page.title}</Link>
                <p className="desk-topics__summary">{page.summary}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="desk-report" className="panel">
        <h2 id="desk-report">{t('reportTitle')}</h2>
        <p>{t('reportIntro')}</p>
        <p>
          <Link className="button" href={deskHref(pagePath('deskReport'), lang)}>
            {t('reportLink')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="desk-follow-up">
        <h2 id="desk-follow-up">{t('followUpTitle')}</h2>
        <p>{t('followUpIntro')}</p>
        <p>
          <Link href={deskHref(pagePath('deskFollowUp'), lang)}>{t('followUpLink')}</Link>
        </p>
      </section>
    </div>
  );
}

function InlineText({ parts, lang }: { parts: Inline[]; lang: DeskLang }) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}:${part.text}`;
        if (part.type === 'strong') return <strong key={key}>{part.text}</strong>;
        if (part.type === 'link') {
          // A link inside the desk keeps the desk's language; other pages of Loket are linked as they are.
          const internal = part.href.startsWith('/desk');
          return internal ? (
            <Link key={key} href={deskHref(part.href, lang)}>
              {part.text}
            </Link>
          ) : (
            <a key={key} href={part.href}>
              {part.text}
            </a>
          );
        }
        return <Fragment key={key}>{part.text}</Fragment>;
      })}
    </>
  );
}

/** The blocks of a content file as elements: never HTML from the file (src/desk/desk-content.ts). */
export function DeskBlocks({ blocks, lang }: { blocks: Block[]; lang: DeskLang }) {
  return (
    <>
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        if (block.type === 'heading')
          return block.level === 2 ? (
            <h2 key={key}>
              <InlineText parts={block.content} lang={lang} />
            </h2>
          ) : (
            <h3 key={key}>
              <InlineText parts={block.content} lang={lang} />
            </h3>
          );
        if (block.type === 'list')
          return (
            <ul key={key} className="desk-list">
              {block.items.map((item, itemIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the file's items have no id of their own
                <li key={itemIndex}>
                  <InlineText parts={item} lang={lang} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={key}>
            <InlineText parts={block.content} lang={lang} />
          </p>
        );
      })}
    </>
  );
}

/** `/desk/info/:topic`: one information page, from its content file. */
export function DeskInfoPage({ topic }: { topic: string }) {
  const { lang, t } = useDesk();
  const { api } = useSession();
  const [page, setPage] = useState<DeskPage | null | undefined>(undefined);
  usePageTitle(page ? page.title : t('title'));
  useEffect(() => {
    let current = true;
    setPage(undefined);
    api.call<DeskPage>('GET', `/api/v1/desk/pages/${encodeURIComponent(topic)}?lang=${lang}`).then(
      (answer) => current && setPage(answer),
      () => current && setPage(null),
    );
    return () => {
      current = false;
    };
  }, [api, lang, topic]);
  return (
    <div lang={lang}>
      <DeskLanguageNav path={pagePath('deskInfo', { topic })} />
      {page === undefined ? <Loading /> : null}
      {page === null ? (
        <>
          <PageHeading>{t('title')}</PageHeading>
          <p role="alert">{t('loadFailed')}</p>
        </>
      ) : null}
      {page ? (
        <article>
          <PageHeading>{page.title}</PageHeading>
          <p className="lead">{page.summary}</p>
          {page.translation ? <p className="emp-notice">{t('translationNotice')}</p> : null}
          <DeskBlocks blocks={page.blocks} lang={lang} />
        </article>
      ) : null}
      <p>
        <Link href={deskHref(pagePath('deskHome'), lang)}>{t('backToDesk')}</Link>
      </p>
    </div>
  );
}
