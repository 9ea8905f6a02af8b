import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

interface ModalProps {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly footer?: ReactNode
  /** `small` 480 px, `large` 820 px, `wide` 1120 px (tables). */
  readonly size?: 'small' | 'large' | 'wide'
}

/**
 * A modal dialog on the native `<dialog>` (focus trap, Escape closes). Mount it to open it, unmount
 * it to close it.
 */
export function Modal({ title, onClose, children, footer, size = 'small' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal modal--${size}`}
      aria-labelledby="modal-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="modal__header">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="icon-button" aria-label="Fermer" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal__body">{children}</div>
      {footer ? <footer className="modal__footer">{footer}</footer> : null}
    </dialog>
  )
}
