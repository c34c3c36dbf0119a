import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { TextField } from '../../src/ui/text-field.js';
import { ActionFeedback } from './action-feedback.js';
import { categoryOptions, matchCategory } from './call-draft.js';
import { CallLocation, type CallPlace } from './call-location.js';
import { randomId } from '../../src/random-id.js';
import { recordCall, type CallReceipt, type CallRequest } from './console-api.js';
import { PriorityChoice } from './priority-choice.js';
import { useAction } from './use-action.js';

/** A phone call recorded as an incident, keyboard only: Tab through, 1–4 for priority, Ctrl+Enter to send. */
export function CallTakerForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = useMemo(() => categoryOptions(language), [language]);
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<number | null>(null);
  const [place, setPlace] = useState<CallPlace | null>(null);
  const [description, setDescription] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<CallReceipt | null>(null);
  const [locationKey, setLocationKey] = useState(0);
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  // The call last sent and its key: sent again unchanged (after a lost answer), it keeps its key,
  // so the server files it once; any change makes it another call.
  const sent = useRef<{ body: string; key: string } | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (action.pending) return;
    const code = matchCategory(category, options);
    const found: Record<string, string> = {};
    if (!code) found.category = t('console.call.categoryMissing');
    if (!place) found.location = t('console.call.locationMissing');
    if (!description.trim()) found.description = t('console.call.descriptionMissing');
    setProblems(found);
    if (!code || !place || !description.trim()) return;
    let answer: CallReceipt | null = null;
    const caller = {
      ...(callerName.trim() ? { name: callerName.trim() } : {}),
      ...(callerPhone.trim() ? { phone: callerPhone.trim() } : {}),
    };
    const body: CallRequest = {
      category: code,
      ...(priority !== null ? { priority } : {}),
      description: description.trim(),
      location: { type: 'Point', coordinates: place.coordinates },
      ...(Object.keys(caller).length > 0 ? { caller } : {}),
    };
    const json = JSON.stringify(body);
    if (sent.current?.body !== json) sent.current = { body: json, key: randomId() };
    const { key } = sent.current;
    const ok = await action.run(async () => {
      answer = await recordCall(body, key);
    }, t('console.call.recorded'));
    if (ok && answer) {
      sent.current = null;
      setReceipt(answer);
      setCategory('');
      setPriority(null);
      setPlace(null);
      setLocationKey((k) => k + 1);
      setDescription('');
      setCallerName('');
      setCallerPhone('');
      first.current?.focus();
    }
  }

  function onKey(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <>
      <PageHeading title={t('console.call.title')}>{t('console.call.title')}</PageHeading>
      <p className="field__hint">{t('console.call.keys')}</p>
      {receipt ? (
        <div className="notice" role="status">
          <p>
            {t('console.call.receipt', { code: receipt.trackingCode, priority: receipt.priority })}{' '}
            <Link to={`/incidents/${receipt.id}`}>{t('console.call.open')}</Link>
          </p>
        </div>
      ) : null}
      <form ref={form} className="form call-form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKey}>
        <div className={problems.category ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="call-category">
            {t('console.call.category')}
          </label>
          <p id="call-category-hint" className="field__hint">
            {t('console.call.categoryHint')}
          </p>
          {problems.category ? (
            <p id="call-category-error" className="field__error">
              {problems.category}
            </p>
          ) : null}
          <input
            id="call-category"
            ref={first}
            className="input"
            list="call-category-list"
            autoComplete="off"
            autoFocus
            aria-invalid={problems.category ? true : undefined}
            aria-describedby={problems.category ? 'call-category-hint call-category-error' : 'call-category-hint'}
            value={category}
            onChange={(event) => setCategory(event.target.value)}
          />
          <datalist id="call-category-list">
            {options.map((o) => (
              <option key={o.code} value={o.name} />
            ))}
          </datalist>
        </div>
        <PriorityChoice idPrefix="call" value={priority} onChange={setPriority} allowRules />
        <CallLocation key={locationKey} value={place} onChange={setPlace} error={problems.location ?? null} />
        <div className={problems.description ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="call-description">
            {t('console.call.description')}
          </label>
          {problems.description ? (
            <p id="call-description-error" className="field__error">
              {problems.description}
            </p>
          ) : null}
          <textarea
            id="call-description"
            className="input textarea"
            rows={4}
            maxLength={4000}
            aria-invalid={problems.description ? true : undefined}
            aria-describedby={problems.description ? 'call-description-error' : undefined}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('console.call.caller')}</legend>
          <p className="field__hint">{t('console.call.callerHint')}</p>
          <TextField
            id="call-caller-name"
            label={t('console.call.callerName')}
            autoComplete="off"
            maxLength={200}
            value={callerName}
            onChange={(event) => setCallerName(event.target.value)}
          />
          <TextField
            id="call-caller-phone"
            label={t('console.call.callerPhone')}
            type="tel"
            autoComplete="off"
            maxLength={24}
            value={callerPhone}
            onChange={(event) => setCallerPhone(event.target.value)}
          />
        </fieldset>
        <button type="submit" className="button" disabled={action.pending} aria-keyshortcuts="Control+Enter">
          {t('console.call.submit')}
        </button>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </>
  );
}
