import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { Loading } from '../../components/Feedback'
import { RecoveryScreen } from './RecoveryScreen'
import { useRecovery } from './store'

/** Shows `children` (the application) in normal mode, the recovery screen in recovery mode. */
export function RecoveryGate({ children }: { readonly children: ReactNode }) {
  const mode = useRecovery((s) => s.mode)
  const check = useRecovery((s) => s.check)
  useEffect(() => {
    void check()
  }, [check])
  if (mode === 'recovery') return <RecoveryScreen />
  if (mode === 'checking') {
    return (
      <div className="recovery">
        <Loading label="Ouverture des données…" />
      </div>
    )
  }
  return <>{children}</>
}
