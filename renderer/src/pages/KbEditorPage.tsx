import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  LanguageSchema,
  TicketIdSchema,
  articleDraftFromTicket,
  canBecomeArticle,
  type Article,
  type Language,
} from '@deskside/core';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { ArticleForm } from '../features/kb/ArticleForm';

function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return LanguageSchema.safeParse(i18n.language).data ?? 'en';
}

/** A new article, prefilled from its ticket when written from one (?fromTicket=N). */
function NewArticle({
  onSaved,
  onCancel,
}: {
  onSaved: (a: Article) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [params] = useSearchParams();
  const ticketId = TicketIdSchema.safeParse(Number(params.get('fromTicket'))).data;
  const ticket = useApiQuery(
    'tickets.get',
    { id: ticketId ?? 0 },
    { enabled: ticketId !== undefined },
  );
  if (ticketId === undefined) {
    const blank = { title: '', body: '', language, category: null, tags: [] };
    return <ArticleForm initial={blank} onSaved={onSaved} onCancel={onCancel} />;
  }
  if (ticket.error) return <ErrorMessage error={ticket.error} />;
  if (!ticket.data) return <p className="muted">{t('app.loading')}</p>;
  if (!canBecomeArticle(ticket.data.ticket)) {
    return <p role="alert">{t('kb.notResolvedYet', { id: ticketId })}</p>;
  }
  const headings = {
    problem: t('kb.draft.problem'),
    errorMessages: t('kb.draft.errorMessages'),
    stepsTried: t('kb.draft.stepsTried'),
    resolution: t('kb.draft.resolution'),
  };
  const draft = articleDraftFromTicket(ticket.data.ticket, headings, language);
  return (
    <>
      <p className="muted">{t('kb.prefilledFrom', { id: ticketId })}</p>
      <ArticleForm
        initial={draft}
        sourceTicketId={ticketId}
        onSaved={onSaved}
        onCancel={onCancel}
      />
    </>
  );
}

function EditArticle({
  id,
  onSaved,
  onCancel,
}: {
  id: number;
  onSaved: (a: Article) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const article = useApiQuery('kb.get', { id });
  if (article.error) return <ErrorMessage error={article.error} />;
  if (!article.data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <ArticleForm
      initial={article.data}
      editing={{ id, version: article.data.version }}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

/** /kb/new and /kb/:id/edit. */
export function KbEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useParams().id;
  const id = param === undefined ? undefined : Number(param);
  const back = id === undefined ? '/kb' : `/kb/${id}`;
  const onSaved = (article: Article) => void navigate(`/kb/${article.id}`);
  const onCancel = () => void navigate(back);
  return (
    <main>
      <p>
        <Link to={back}>← {id === undefined ? t('kb.back') : t('kb.backToArticle')}</Link>
      </p>
      <h1>{id === undefined ? t('kb.newArticle') : t('kb.editArticle')}</h1>
      {id === undefined ? (
        <NewArticle onSaved={onSaved} onCancel={onCancel} />
      ) : (
        <EditArticle id={id} onSaved={onSaved} onCancel={onCancel} />
      )}
    </main>
  );
}
