import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSchema, splitTags, type Article, type Language } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ArticleMarkdown } from './ArticleMarkdown';
import { CategorySelect } from './CategorySelect';
import { LanguageOptions } from './LanguageOptions';

export interface ArticleFormValues {
  title: string;
  body: string;
  language: Language;
  category: string | null;
  tags: string[];
}

/**
 * Writes a new article or edits one (`editing` names the article and the version opened).
 * The text is Markdown; the preview below it is what readers will see.
 */
export function ArticleForm({
  initial,
  editing,
  sourceTicketId = null,
  onSaved,
  onCancel,
}: {
  initial: ArticleFormValues;
  editing?: { id: number; version: number };
  sourceTicketId?: number | null;
  onSaved: (article: Article) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [language, setLanguage] = useState<Language>(initial.language);
  const [category, setCategory] = useState(initial.category ?? '');
  const [tags, setTags] = useState(initial.tags.join(', '));
  // The version this form was opened at: a newer one arriving (another console's edit) must
  // neither reset what the analyst typed nor let it overwrite that edit unseen.
  const [target] = useState(editing);
  const create = useApiMutation('kb.create', { onSuccess: onSaved });
  const update = useApiMutation('kb.update', { onSuccess: onSaved });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const fields = { title, body, language, category: category || null, tags: splitTags(tags) };
    if (target) update.mutate({ ...fields, id: target.id, expectedVersion: target.version });
    else create.mutate({ ...fields, sourceTicketId });
  };

  return (
    <form className="panel form kb-editor" onSubmit={submit}>
      <label>
        {t('kb.fieldTitle')}
        <input
          value={title}
          required
          minLength={3}
          maxLength={200}
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
      </label>
      <div className="form inline">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('kb.language')}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(e) => {
              setLanguage(LanguageSchema.parse(e.target.value));
            }}
          >
            <LanguageOptions />
          </select>
        </div>
        <CategorySelect value={category} emptyLabel={t('kb.noCategory')} onChange={setCategory} />
        <div className="field grow">
          <label htmlFor={`${id}-tags`}>{t('kb.fieldTags')}</label>
          <input
            id={`${id}-tags`}
            value={tags}
            aria-describedby={`${id}-tags-hint`}
            onChange={(e) => {
              setTags(e.target.value);
            }}
          />
          <span id={`${id}-tags-hint`} className="hint">
            {t('kb.tagsHint')}
          </span>
        </div>
      </div>
      <label>
        {t('kb.fieldBody')}
        <textarea
          value={body}
          required
          rows={14}
          maxLength={50_000}
          aria-describedby={`${id}-body-hint`}
          onChange={(e) => {
            setBody(e.target.value);
          }}
        />
      </label>
      <p id={`${id}-body-hint`} className="hint">
        {t('kb.markdownHint')}
      </p>
      <section className="kb-preview" aria-label={t('kb.preview')} lang={language}>
        <h3>{t('kb.preview')}</h3>
        <ArticleMarkdown text={body} />
      </section>
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('kb.saving') : t('kb.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('kb.cancel')}
        </button>
      </div>
    </form>
  );
}
