/**
 * Files in and out of the renderer without Node: reading a chosen file as base64 (for
 * `resources.import`) and saving a file the API made (`resources.export`) through a download link,
 * which works in browser mode and in Electron (the session shows its save dialog).
 */

/** The base64 part of a data URL: `data:text/csv;base64,QUJD` → `QUJD` ('' when there is none). */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  return comma === -1 ? '' : dataUrl.slice(comma + 1)
}

/** The MIME type of a file by its extension: CSV, XLSX, or `application/octet-stream`. */
export function mimeTypeOf(fileName: string): string {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'text/csv;charset=utf-8'
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return 'application/octet-stream'
}

/**
 * Reads a file chosen by the user as base64 (its bytes untouched, whatever the encoding).
 * @throws Error with a French message when the browser cannot read it.
 */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? base64FromDataUrl(reader.result) : '')
    reader.onerror = () =>
      reject(new Error('Le fichier n’a pas pu être lu. Vérifiez qu’il n’est pas ouvert ailleurs.'))
    reader.readAsDataURL(file)
  })
}

/** Bytes of a base64 text. */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Offers a file to save: `downloadBase64('inventaire.csv', 'QUJD')`. */
export function downloadBase64(fileName: string, base64: string): void {
  const blob = new Blob([bytesFromBase64(base64)], { type: mimeTypeOf(fileName) })
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
