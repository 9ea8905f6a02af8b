import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { AuthGate } from './features/accounts/AuthGate'
import { RecoveryGate } from './features/recovery/RecoveryGate'
import { startHashSync } from './stores/navigation'
import './styles.css'

startHashSync()

const container = document.getElementById('root')
if (!container) throw new Error('Élément #root introuvable dans index.html.')
createRoot(container).render(
  <StrictMode>
    <RecoveryGate>
      <AuthGate>
        <App />
      </AuthGate>
    </RecoveryGate>
  </StrictMode>,
)
