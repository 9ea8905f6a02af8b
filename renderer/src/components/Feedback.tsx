import type { ReactNode } from 'react'

/** A message strip: `error` (role alert), `success` or `info` (role status). */
export function Banner({
  tone,
  children,
  onDismiss,
}: {
  readonly tone: 'error' | 'success' | 'info' | 'warning'
  readonly children: ReactNode
  readonly onDismiss?: () => void
}) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="banner__body">{children}</div>
      {onDismiss ? (
        <button type="button" className="icon-button" aria-label="Masquer le message" onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  )
}

/** Shown while data loads. */
export function Loading({ label = 'Chargement…' }: { readonly label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

/** Shown when a list is empty: what it means and what to do. */
export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
    </div>
  )
}

/** A load failure with a retry button. */
export function LoadError({ message, onRetry }: { readonly message: string; readonly onRetry: () => void }) {
  return (
    <Banner tone="error">
      <p>{message}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Réessayer
      </button>
    </Banner>
  )
}
