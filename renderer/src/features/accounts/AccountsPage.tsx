import { useEffect, useState } from 'react'
import type { User } from '../../../../shared/domain/accounts'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { formatInstantFr } from '../../../../shared/time'
import { byId, useReference } from '../../stores/reference'
import { AccountForm } from './AccountForm'
import { roleTitle } from './model'
import { PasswordDialog } from './PasswordDialog'
import { useSession } from './session'
import { useAccounts } from './store'
import './accounts.css'

/** Comptes (administrators): the accounts, a new one, disabling, a new password. */
export function AccountsPage() {
  const accounts = useAccounts()
  const communes = useReference((s) => s.communes)
  const accountsExist = useSession((s) => s.accountsExist)
  const me = useSession((s) => s.user)
  const reloadSession = useSession((s) => s.load)
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<User | null>(null)
  const communesById = byId(communes)
  const load = accounts.load

  useEffect(() => {
    void load()
  }, [load])

  const closeForm = () => {
    setCreating(false)
    // The first account signs this window in: the sidebar shows it.
    if (!accountsExist) void reloadSession()
  }
  const toggle = (user: User) =>
    void accounts.update(
      { id: user.id, disabled: !user.disabled },
      user.disabled
        ? `Compte de ${user.displayName} réactivé.`
        : `Compte de ${user.displayName} désactivé : ses sessions sont fermées.`,
    )

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Comptes</h1>
          <p className="page__subtitle">
            Qui peut se connecter, avec quel rôle. Une secrétaire de mairie ne voit le détail que des
            réservations de sa commune.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          Nouveau compte
        </button>
      </header>
      {!accountsExist ? (
        <Banner tone="info">
          Aucun compte pour l’instant : l’application fonctionne comme administrateur local, sans connexion.
          Créez le compte administrateur pour que chacun se connecte avec le sien.
        </Banner>
      ) : null}
      {accounts.notice ? (
        <Banner tone="success" onDismiss={accounts.dismissNotice}>
          <span data-testid="accounts-notice">{accounts.notice}</span>
        </Banner>
      ) : null}
      {accounts.failure ? (
        <Banner tone="error" onDismiss={accounts.dismissNotice}>
          {accounts.failure}
        </Banner>
      ) : null}
      {accounts.status === 'error' ? (
        <LoadError message={accounts.error ?? ''} onRetry={() => void load()} />
      ) : null}
      {accounts.status === 'loading' && accounts.users.length === 0 ? <Loading /> : null}
      {accounts.status === 'ready' && accounts.users.length === 0 ? (
        <EmptyState title="Aucun compte">Commencez par le compte administrateur.</EmptyState>
      ) : null}
      {accounts.users.length > 0 ? (
        <div className="card card--flush">
          <table className="table accounts-table" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Identifiant</th>
                <th scope="col">Rôle</th>
                <th scope="col">Commune</th>
                <th scope="col">État</th>
                <th scope="col">Créé le</th>
                <th scope="col" className="actions-col">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.users.map((user) => (
                <tr key={user.id} data-login={user.login}>
                  <td>{user.displayName}</td>
                  <td className="mono">{user.login}</td>
                  <td>{roleTitle(user.role)}</td>
                  <td>{user.communeId ? (communesById.get(user.communeId)?.name ?? '—') : '—'}</td>
                  <td className={user.disabled ? 'accounts-table__state--disabled' : undefined}>
                    {user.disabled ? 'Désactivé' : 'Actif'}
                  </td>
                  <td className="nowrap">{formatInstantFr(Date.parse(user.createdAt))}</td>
                  <td className="actions-col">
                    <div className="button-group">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Nouveau mot de passe pour ${user.login}`}
                        onClick={() => setResetting(user)}
                      >
                        Mot de passe
                      </button>
                      {user.id !== me?.id ? (
                        <button
                          type="button"
                          className={`button button--small${user.disabled ? '' : ' button--ghost-danger'}`}
                          aria-label={`${user.disabled ? 'Réactiver' : 'Désactiver'} ${user.login}`}
                          onClick={() => toggle(user)}
                        >
                          {user.disabled ? 'Réactiver' : 'Désactiver'}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {creating ? <AccountForm first={!accountsExist} onDone={closeForm} /> : null}
      {resetting ? <PasswordDialog user={resetting} onDone={() => setResetting(null)} /> : null}
    </section>
  )
}
