/**
 * The French application menu: Fichier, Édition, Affichage, Fenêtre, Aide. Built-in roles only,
 * plus an "À propos" box; the developer tools appear only in an unpackaged (development) run.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  /** Shows "Outils de développement" in the Affichage menu. */
  readonly devTools: boolean
  /** Opens the "À propos de Mutualisation" box. */
  readonly showAbout: () => void
}

/**
 * The menu template, for `Menu.buildFromTemplate`.
 *
 * @example
 *   Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ devTools: !app.isPackaged, showAbout })))
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Actualiser' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Taille réelle' },
    { role: 'zoomIn', label: 'Zoom avant' },
    { role: 'zoomOut', label: 'Zoom arrière' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Plein écran' },
  ]
  if (options.devTools) {
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Outils de développement' })
  }
  return [
    { label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    { label: 'Affichage', submenu: view },
    {
      label: 'Fenêtre',
      submenu: [
        { role: 'minimize', label: 'Réduire' },
        { role: 'close', label: 'Fermer' },
      ],
    },
    { label: 'Aide', submenu: [{ label: 'À propos de Mutualisation', click: () => options.showAbout() }] },
  ]
}
