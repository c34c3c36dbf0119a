import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../src/use-resource.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import type { CaseFile } from './prevention-api.js';
import { ENROLMENT_BASES, programmeApi, type Enrolment, type EnrolmentBasis } from './programme-api.js';
import { useFormSubmit } from './use-reason-form.js';

const PREFIX = 'enrol';

/** Enrols the case's aggressor with a provider of the region; a court-ordered enrolment names the court's order. */
export function EnrolForm({ file, onEnrolled }: { file: CaseFile; onEnrolled: (e: Enrolment) => void }) {
  const { t } = useTranslation();
  const providers = useResource((signal) => programmeApi.providers(signal), []);
  const aggressors = file.people.filter((p) => p.role === 'aggressor');
  const courtOrders = file.orders.filter((o) => o.kind === 'court-special-requirements');
  const [personId, setPersonId] = useState(aggressors.length === 1 ? aggressors[0]!.id : '');
  const [providerId, setProviderId] = useState('');
  const [basis, setBasis] = useState<EnrolmentBasis | ''>('');
  const [orderId, setOrderId] = useState(courtOrders.length === 1 ? courtOrders[0]!.id : '');
  const [planned, setPlanned] = useState('10');
  const [allowed, setAllowed] = useState('2');
  const sessionsPlanned = Number(planned);
  const missesAllowed = Number(allowed);
  const form = useFormSubmit(
    () => [
      ...(personId ? [] : [{ fieldId: `${PREFIX}-person`, message: t('prevention-programmes.required') }]),
      ...(providerId ? [] : [{ fieldId: `${PREFIX}-provider`, message: t('prevention-programmes.required') }]),
      ...(basis ? [] : [{ fieldId: `${PREFIX}-basis`, message: t('prevention-programmes.required') }]),
      ...(basis === 'court-order' && !orderId
        ? [{ fieldId: `${PREFIX}-order`, message: t('prevention-programmes.orderRequired') }]
        : []),
      ...(Number.isInteger(sessionsPlanned) && sessionsPlanned >= 1 && sessionsPlanned <= 200
        ? []
        : [{ fieldId: `${PREFIX}-planned`, message: t('prevention-programmes.plannedInvalid') }]),
      ...(Number.isInteger(missesAllowed) && missesAllowed >= 0 && missesAllowed <= 200
        ? []
        : [{ fieldId: `${PREFIX}-allowed`, message: t('prevention-programmes.allowedInvalid') }]),
    ],
    async () => {
      if (!basis) return;
      onEnrolled(
        await programmeApi.enrol(file.id, {
          personId,
          providerId,
          basis,
          ...(basis === 'court-order' ? { orderId } : {}),
          sessionsPlanned,
          missesAllowed,
        }),
      );
      setProviderId('');
      setBasis('');
    },
  );

  if (aggressors.length === 0) return <p>{t('prevention-programmes.noAggressor')}</p>;

  return (
    <form className="case-form" onSubmit={form.onSubmit} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.enrol')}</legend>
        <ErrorSummary message={form.failure} fieldErrors={form.errors} />
        <SelectField
          id={`${PREFIX}-person`}
          label={t('prevention.case.role.aggressor')}
          value={personId}
          error={form.errorOf(`${PREFIX}-person`)}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <option value="">{t('prevention.create.choose')}</option>
          {aggressors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${PREFIX}-provider`}
          label={t('prevention-programmes.provider')}
          hint={providers.status === 'ready' && providers.data.length === 0 ? t('prevention-programmes.noProviders') : undefined}
          value={providerId}
          error={form.errorOf(`${PREFIX}-provider`)}
          onChange={(e) => setProviderId(e.target.value)}
        >
          <option value="">{t('prevention.create.choose')}</option>
          {(providers.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {t(`prevention-programmes.kind.${p.kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${PREFIX}-basis`}
          label={t('prevention-programmes.basisLabel')}
          value={basis}
          error={form.errorOf(`${PREFIX}-basis`)}
          onChange={(e) => setBasis(e.target.value as EnrolmentBasis | '')}
        >
          <option value="">{t('prevention.create.choose')}</option>
          {ENROLMENT_BASES.map((b) => (
            <option key={b} value={b}>
              {t(`prevention-programmes.basis.${b}`)}
            </option>
          ))}
        </SelectField>
        {basis === 'court-order' ? (
          <SelectField
            id={`${PREFIX}-order`}
            label={t('prevention-programmes.order')}
            hint={courtOrders.length === 0 ? t('prevention-programmes.noCourtOrder') : undefined}
            value={orderId}
            error={form.errorOf(`${PREFIX}-order`)}
            onChange={(e) => setOrderId(e.target.value)}
          >
            <option value="">{t('prevention.create.choose')}</option>
            {courtOrders.map((o) => (
              <option key={o.id} value={o.id}>
                {t('prevention-programmes.orderOption', { issued: o.issuedAt.slice(0, 10), expires: o.expiresAt.slice(0, 10) })}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={`${PREFIX}-planned`}
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          label={t('prevention-programmes.planned')}
          value={planned}
          error={form.errorOf(`${PREFIX}-planned`)}
          onChange={(e) => setPlanned(e.target.value)}
        />
        <TextField
          id={`${PREFIX}-allowed`}
          type="number"
          inputMode="numeric"
          min={0}
          max={200}
          label={t('prevention-programmes.allowed')}
          hint={t('prevention-programmes.allowedHint')}
          value={allowed}
          error={form.errorOf(`${PREFIX}-allowed`)}
          onChange={(e) => setAllowed(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('prevention-programmes.enrolButton')}
        </button>
      </fieldset>
    </form>
  );
}
