import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { Loading, LoadError } from '../../components/Feedback'
import { SignInPage } from './SignInPage'
import { useSession } from './session'

/**
 * Shows `children` (the application) once the person may use it: at once while no account exists
 * (the installation's local administrator), after sign-in otherwise.
 */
export function AuthGate({ children }: { readonly children: ReactNode }) {
  const status = useSession((s) => s.status)
  const error = useSession((s) => s.error)
  const accountsExist = useSession((s) => s.accountsExist)
  const user = useSession((s) => s.user)
  const load = useSession((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  if (status === 'loading') {
    return (
      <div className="signin">
        <Loading label="Ouverture…" />
      </div>
    )
  }
  if (status === 'error') {
    return (
      <div className="page">
        <LoadError message={error ?? 'Le serveur ne répond pas.'} onRetry={() => void load()} />
      </div>
    )
  }
  if (accountsExist && user === null) return <SignInPage />
  return <>{children}</>
}
