import type { FormEvent } from 'react'
import { useState } from 'react'
import { Banner } from '../../components/Feedback'
import { Field } from '../../components/Field'
import { useSession } from './session'
import './accounts.css'

/** The sign-in screen, shown when accounts exist and nobody is signed in on this window. */
export function SignInPage() {
  const signIn = useSession((s) => s.signIn)
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (login.trim() === '' || password === '') {
      setError('Indiquez votre identifiant et votre mot de passe.')
      return
    }
    setSending(true)
    const problem = await signIn(login, password)
    setSending(false)
    if (problem) {
      setError(problem)
      // The login stays as typed; the password is typed again.
      setPassword('')
    }
  }

  return (
    <main className="signin">
      <form
        className="signin__card form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="signin-title"
      >
        <div className="signin__brand">
          <span className="sidebar__logo" aria-hidden="true">
            M
          </span>
          <strong>Mutualisation</strong>
        </div>
        <h1 id="signin-title" className="signin__title">
          Connexion
        </h1>
        <p className="signin__subtitle">Pôle technique et mairies du Pays de Mortagne</p>
        <Field id="signin-login" label="Identifiant">
          <input
            id="signin-login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoFocus
          />
        </Field>
        <Field id="signin-password" label="Mot de passe">
          <input
            id="signin-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {error ? <Banner tone="error">{error}</Banner> : null}
        <button type="submit" className="button button--primary signin__submit" disabled={sending}>
          {sending ? 'Connexion…' : 'Se connecter'}
        </button>
      </form>
    </main>
  )
}
