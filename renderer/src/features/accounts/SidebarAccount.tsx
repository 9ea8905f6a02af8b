import { useReference } from '../../stores/reference'
import { roleTitle } from './model'
import { useSession } from './session'
import './accounts.css'

/**
 * The foot of the sidebar: who is signed in and « Se déconnecter »; before any account exists, the
 * local administrator (nobody to sign out).
 */
export function SidebarAccount() {
  const user = useSession((s) => s.user)
  const accountsExist = useSession((s) => s.accountsExist)
  const signOut = useSession((s) => s.signOut)
  const communes = useReference((s) => s.communes)
  if (!user) {
    return accountsExist ? null : (
      <div className="sidebar__account" data-testid="signed-in-user">
        <span className="sidebar__account-name">Administrateur local</span>
        <span className="sidebar__account-role">Aucun compte créé</span>
      </div>
    )
  }
  return (
    <div className="sidebar__account" data-testid="signed-in-user">
      <span className="sidebar__account-name">{user.displayName}</span>
      <span className="sidebar__account-role">
        {roleTitle(user.role)}
        {user.communeId ? ` · ${communes.find((c) => c.id === user.communeId)?.name ?? ''}` : ''}
      </span>
      <button type="button" className="sidebar__signout" onClick={() => void signOut()}>
        Se déconnecter
      </button>
    </div>
  )
}
