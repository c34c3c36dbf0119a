import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../src/router.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { normaliseTrackingCode } from './tracking-code.js';

/** A tracking code, typed as the person has it; opens `/track/{code}`. */
export function TrackForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useNotice();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normaliseTrackingCode(value);
    if (!code) {
      setProblem({ key: 'report.errors.codeInvalid' });
      return;
    }
    setProblem(null);
    navigate(`/track/${code}`);
  }

  return (
    <form className="form track-form" noValidate onSubmit={handleSubmit}>
      <ErrorSummary fieldErrors={problem ? [{ fieldId: 'track-code', message: problem }] : []} />
      <TextField
        id="track-code"
        label={t('report.track.code')}
        hint={t('report.track.codeHint')}
        className="input--code track-form__input"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        value={value}
        error={problem}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button">
        {t('report.track.submit')}
      </button>
    </form>
  );
}
