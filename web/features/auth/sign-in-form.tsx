import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import type { Credentials } from './auth-api.js';
import { useSession } from './session.js';

type FieldName = keyof Credentials;

const CODE_PATTERN = /^\d{6}$/;

/** Checks the form before it goes to the server; returns the problems, keyed by field. */
function validateCredentials(values: Credentials): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  if (!values.username.trim()) problems.username = 'auth.errors.usernameRequired';
  if (!values.password) problems.password = 'auth.errors.passwordRequired';
  if (!CODE_PATTERN.test(values.code)) problems.code = 'auth.errors.codeInvalid';
  return problems;
}

/** Username, password and authenticator code. Problems go to a live region above the form. */
export function SignInForm({ notice }: { notice: string | null }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [values, setValues] = useState<Credentials>({ username: '', password: '', code: '' });
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [serverError, setServerError] = useNotice();
  const [isSubmitting, setSubmitting] = useState(false);

  function update(field: FieldName, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    const found = validateCredentials(values);
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      await signIn({ ...values, username: values.username.trim() });
    } catch (error) {
      setServerError({ error });
      setValues((previous) => ({ ...previous, code: '' })); // a TOTP code is used once
      setSubmitting(false);
    }
  }

  const fieldErrors: FieldError[] = (['username', 'password', 'code'] as const).flatMap((field) => {
    const key = problems[field];
    return key ? [{ fieldId: `sign-in-${field}`, message: t(key) }] : [];
  });
  const problemText = (field: FieldName) => {
    const key = problems[field];
    return key ? t(key) : null;
  };

  return (
    <form className="form sign-in-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <ErrorSummary message={serverError ?? notice} fieldErrors={fieldErrors} />
      <TextField
        id="sign-in-username"
        name="username"
        label={t('auth.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={values.username}
        error={problemText('username')}
        onChange={(event) => update('username', event.target.value)}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        value={values.password}
        error={problemText('password')}
        onChange={(event) => update('password', event.target.value)}
      />
      <TextField
        id="sign-in-code"
        name="code"
        label={t('auth.code')}
        hint={t('auth.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        className="input--code"
        value={values.code}
        error={problemText('code')}
        onChange={(event) => update('code', event.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      {/* aria-disabled, not disabled: a disabled button loses keyboard focus mid-submit. */}
      <button type="submit" className="button" aria-disabled={isSubmitting}>
        {isSubmitting ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}
