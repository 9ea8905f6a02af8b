import { useEffect, useMemo } from 'react'
import type { Deposit } from '../../../../shared/domain/costs'
import type { Booking } from '../../../../shared/domain/types'
import { formatInstantFr } from '../../../../shared/time'
import { Field, fieldA11y } from '../../components/Field'
import { Banner, Loading, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { byId, useReference } from '../../stores/reference'
import { useCan } from '../accounts/session'
import { DamageDialog, DamageTable } from './DamageParts'
import { depositStep } from './damages'
import { useDamages } from './damageStore'
import { useDeposit } from './depositStore'
import { formatAmount } from './format'
import { MoneyInput } from './MoneyInput'
import './costs.css'

function DepositFacts({ deposit }: { readonly deposit: Deposit }) {
  const step = depositStep(deposit)
  return (
    <dl className="rd-attrs costs-deposit__facts" data-testid="deposit" data-state={step}>
      <div className="rd-attr">
        <dt>Prévue par les tarifs</dt>
        <dd>{deposit.expectedCents > 0 ? formatAmount(deposit.expectedCents) : 'Aucune'}</dd>
      </div>
      <div className="rd-attr">
        <dt>Reçue</dt>
        <dd>
          {deposit.receivedCents === null || deposit.receivedAt === null
            ? 'Non'
            : `${formatAmount(deposit.receivedCents)} le ${formatInstantFr(Date.parse(deposit.receivedAt))}`}
        </dd>
      </div>
      <div className="rd-attr">
        <dt>Rendue</dt>
        <dd>
          {deposit.returnedCents === null || deposit.returnedAt === null
            ? 'Non'
            : `${formatAmount(deposit.returnedCents)} le ${formatInstantFr(Date.parse(deposit.returnedAt))}`}
        </dd>
      </div>
      {deposit.retainedCents !== null && deposit.retainedCents > 0 ? (
        <div className="rd-attr">
          <dt>Retenue par le pôle</dt>
          <dd>{formatAmount(deposit.retainedCents)}</dd>
        </div>
      ) : null}
      {deposit.notes ? (
        <div className="rd-attr rd-attr--wide">
          <dt>Remarques</dt>
          <dd className="pre-line">{deposit.notes}</dd>
        </div>
      ) : null}
    </dl>
  )
}

/**
 * « Caution et dégâts » on a booking's page (the hub's roles only): the deposit its rates ask, received
 * then given back, and once returned the damaged or missing items to charge.
 */
export function BookingCostsSection({ booking }: { readonly booking: Booking }) {
  const canRead = useCan('deposits.get')
  const canRecord = useCan('deposits.record')
  const canConfirm = useCan('costs.confirmDamage')
  const dep = useDeposit()
  const dam = useDamages()
  const loadDeposit = dep.load
  const loadDamages = dam.loadBooking
  const resources = useReference((s) => s.resources)
  const resourcesById = useMemo(() => byId(resources), [resources])

  useEffect(() => {
    if (canRead) void loadDeposit(booking.id)
  }, [canRead, loadDeposit, booking.id])
  useEffect(() => {
    if (canRead && booking.status === 'returned') void loadDamages(booking)
  }, [canRead, loadDamages, booking])

  if (!canRead) return null
  const deposit = dep.bookingId === booking.id ? dep.deposit : null
  const closed = booking.status === 'rejected' || booking.status === 'cancelled'
  const step = deposit ? depositStep(deposit) : 'none'
  const damageRows = dam.scope === `booking:${booking.id}` ? dam.rows : []

  return (
    <section className="card" aria-labelledby="booking-costs-title" data-testid="booking-costs">
      <h2 id="booking-costs-title" className="card__title">
        Caution et dégâts
      </h2>
      <div className="costs-deposit">
        {dep.notice && deposit ? <Banner tone="success">{dep.notice}</Banner> : null}
        {dep.status === 'error' && dep.error ? (
          <LoadError message={dep.error} onRetry={() => void loadDeposit(booking.id)} />
        ) : !deposit ? (
          <Loading label="Chargement de la caution…" />
        ) : (
          <>
            <DepositFacts deposit={deposit} />
            {canRecord && !closed ? (
              <div className="row-actions">
                {step === 'none' || step === 'expected' ? (
                  <button type="button" className="button" onClick={() => dep.open('received')}>
                    Enregistrer la caution reçue
                  </button>
                ) : null}
                {step === 'received' ? (
                  <button type="button" className="button" onClick={() => dep.open('returned')}>
                    Rendre la caution
                  </button>
                ) : null}
              </div>
            ) : null}
          </>
        )}
        {booking.status === 'returned' ? (
          <>
            <h3 className="rd-subtitle">Dégâts et manques</h3>
            {dam.notice ? <Banner tone="success">{dam.notice}</Banner> : null}
            {dam.status === 'error' && dam.error ? (
              <LoadError message={dam.error} onRetry={() => void loadDamages(booking)} />
            ) : damageRows.length === 0 ? (
              <p className="rd-muted">Rien d’abîmé ni de manquant au retour.</p>
            ) : (
              <DamageTable
                rows={damageRows}
                resourcesById={resourcesById}
                communeName={() => ''}
                showBooking={false}
                canConfirm={canConfirm}
                onConfirm={dam.open}
              />
            )}
          </>
        ) : null}
      </div>

      {dep.dialog ? (
        <Modal
          title={
            dep.dialog.action === 'received'
              ? `Caution reçue — ${booking.reference}`
              : `Rendre la caution — ${booking.reference}`
          }
          onClose={dep.close}
          footer={
            <>
              <button type="button" className="button" onClick={dep.close}>
                Annuler
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={dep.dialog.saving}
                onClick={() => void dep.save()}
              >
                {dep.dialog.saving ? 'Enregistrement…' : 'Enregistrer'}
              </button>
            </>
          }
        >
          <div className="form" data-testid="deposit-dialog">
            <Field
              id="deposit-amount"
              label={dep.dialog.action === 'received' ? 'Montant reçu' : 'Montant rendu'}
              error={dep.dialog.errors.amountCents}
              hint={
                dep.dialog.action === 'returned'
                  ? 'Ce qui n’est pas rendu est retenu par le pôle (dégâts, manques).'
                  : 'Chèque ou consignation remis par la commune.'
              }
            >
              <MoneyInput
                id="deposit-amount"
                value={dep.dialog.amount}
                onChange={(amount) => dep.edit({ amount })}
                error={dep.dialog.errors.amountCents}
                hintId="deposit-amount-hint"
              />
            </Field>
            <Field id="deposit-notes" label="Remarques sur la caution" error={dep.dialog.errors.notes}>
              <textarea
                rows={2}
                {...fieldA11y('deposit-notes', dep.dialog.errors.notes)}
                value={dep.dialog.notes}
                onChange={(e) => dep.edit({ notes: e.target.value })}
              />
            </Field>
            {dep.dialog.error ? <Banner tone="error">{dep.dialog.error}</Banner> : null}
          </div>
        </Modal>
      ) : null}
      {dam.dialog ? (
        <DamageDialog
          row={dam.dialog.row}
          draft={dam.dialog.draft}
          errors={dam.dialog.errors}
          error={dam.dialog.error}
          saving={dam.dialog.saving}
          isStock={resourcesById.get(dam.dialog.row.resourceId)?.tracking === 'stock'}
          onChange={dam.edit}
          onCancel={dam.close}
          onSave={() => void dam.save()}
        />
      ) : null}
    </section>
  )
}
