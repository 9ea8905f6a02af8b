/**
 * Saving the files the calendar makes (the .ics export, the week's planning as PDF) through a
 * download link: a Blob and `<a download>`, which works in browser mode and in Electron.
 */
import type { CalendarFile } from '../../../../shared/domain/calendar'
import type { ExportedFile } from '../../../../shared/domain/types'
import { bytesFromBase64 } from '../../lib/files'

/** Offers a Blob to save under `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Let the browser start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves `calendar.ics`'s result: `text/calendar`, UTF-8. */
export function downloadCalendar(file: CalendarFile): void {
  downloadBlob(file.fileName, new Blob([file.content], { type: 'text/calendar;charset=utf-8' }))
}

/** Saves `planning.pdf`'s result: `application/pdf`. */
export function downloadPdf(file: ExportedFile): void {
  downloadBlob(file.fileName, new Blob([bytesFromBase64(file.contentBase64)], { type: 'application/pdf' }))
}
