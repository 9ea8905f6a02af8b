import type { FormEvent } from 'react'
import { useState } from 'react'
import type { User } from '../../../../shared/domain/accounts'
import { Banner } from '../../components/Feedback'
import { Field, fieldA11y } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { passwordProblem } from './model'
import { useAccounts } from './store'

/** « Nouveau mot de passe » for an account: the person's sessions end, she signs in with the new one. */
export function PasswordDialog({ user, onDone }: { readonly user: User; readonly onDone: () => void }) {
  const update = useAccounts((s) => s.update)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problem = passwordProblem(password)
    setError(problem)
    if (problem) return
    const refused = await update(
      { id: user.id, password },
      `Mot de passe de ${user.displayName} remplacé : ses sessions ouvertes sont fermées.`,
    )
    if (refused) setFormError(refused.message)
    else onDone()
  }

  return (
    <Modal
      title={`Nouveau mot de passe — ${user.displayName}`}
      onClose={onDone}
      footer={
        <>
          <button type="button" className="button" onClick={onDone}>
            Annuler
          </button>
          <button type="submit" form="password-form" className="button button--primary">
            Enregistrer le mot de passe
          </button>
        </>
      }
    >
      <form id="password-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="new-password" label="Nouveau mot de passe" error={error ?? undefined} required>
          <input
            {...fieldA11y('new-password', error ?? undefined)}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </Field>
        {formError ? <Banner tone="error">{formError}</Banner> : null}
      </form>
    </Modal>
  )
}
