import type { FormEvent } from 'react'
import { useState } from 'react'
import { Banner } from '../../components/Feedback'
import { Field, fieldA11y } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { issuesByPath } from '../../lib/apiErrors'
import { orderCommunes, useReference } from '../../stores/reference'
import type { AccountDraft, AccountField } from './model'
import { accountDraftErrors, accountInput, emptyAccountDraft, roleOptions } from './model'
import { useAccounts } from './store'

/**
 * « Nouveau compte »: login, name, first password, role, and the commune of a secretary.
 * @param first the installation has no account yet: this one must be an administrator
 */
export function AccountForm({ first, onDone }: { readonly first: boolean; readonly onDone: () => void }) {
  const communes = useReference((s) => s.communes)
  const create = useAccounts((s) => s.create)
  const [draft, setDraft] = useState<AccountDraft>(
    first ? { ...emptyAccountDraft, role: 'admin' } : emptyAccountDraft,
  )
  const [errors, setErrors] = useState<Partial<Record<AccountField | 'form', string>>>({})
  const [sending, setSending] = useState(false)
  const { served, others } = orderCommunes(communes)
  const change = (patch: Partial<AccountDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problems = accountDraftErrors(draft)
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSending(true)
    const refused = await create(accountInput(draft))
    setSending(false)
    if (!refused) {
      onDone()
      return
    }
    const byField = issuesByPath(refused)
    const known = ['login', 'displayName', 'password', 'role', 'communeId'] as const
    const next: Partial<Record<AccountField | 'form', string>> = {}
    for (const field of known) if (byField[field]) next[field] = byField[field]
    if (Object.keys(next).length === 0) next.form = refused.message
    setErrors(next)
  }

  return (
    <Modal
      title="Nouveau compte"
      onClose={onDone}
      footer={
        <>
          <button type="button" className="button" onClick={onDone}>
            Annuler
          </button>
          <button type="submit" form="account-form" className="button button--primary" disabled={sending}>
            {sending ? 'Création…' : 'Créer le compte'}
          </button>
        </>
      }
    >
      <form id="account-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {first ? (
          <Banner tone="info">
            Premier compte : il doit être administrateur. Vous serez connecté avec lui, et chacun devra
            ensuite se connecter.
          </Banner>
        ) : null}
        <Field id="account-name" label="Nom affiché" error={errors.displayName} required>
          <input
            {...fieldA11y('account-name', errors.displayName)}
            value={draft.displayName}
            onChange={(e) => change({ displayName: e.target.value })}
            placeholder="Claire Martin"
          />
        </Field>
        <Field id="account-login" label="Identifiant" error={errors.login} required>
          <input
            {...fieldA11y('account-login', errors.login)}
            value={draft.login}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => change({ login: e.target.value })}
            placeholder="c.martin"
          />
        </Field>
        <Field
          id="account-password"
          label="Mot de passe provisoire"
          error={errors.password}
          hint="12 caractères au moins. Remettez-le à la personne de vive voix."
          required
        >
          <input
            {...fieldA11y('account-password', errors.password, 'account-password-hint')}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => change({ password: e.target.value })}
          />
        </Field>
        <Field id="account-role" label="Rôle" error={errors.role} required>
          <select
            {...fieldA11y('account-role', errors.role)}
            value={draft.role}
            disabled={first}
            onChange={(e) => change({ role: e.target.value as AccountDraft['role'] })}
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        {draft.role === 'secretary' ? (
          <Field id="account-commune" label="Commune" error={errors.communeId} required>
            <select
              {...fieldA11y('account-commune', errors.communeId)}
              value={draft.communeId}
              onChange={(e) => change({ communeId: e.target.value })}
            >
              <option value="">Choisir…</option>
              <optgroup label="Communes du pôle">
                {served.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Autres communes">
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
        ) : null}
        {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
      </form>
    </Modal>
  )
}
