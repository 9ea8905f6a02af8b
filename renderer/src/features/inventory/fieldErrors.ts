/**
 * Where the field issues of a refused save show in the resource form. Keys are the API's dotted
 * paths (`name`, `qualifications.2.expiresOn`). Pure functions, no DOM, no store.
 */
import { type ResourceDraft } from './draft'

/**
 * The message to show under a field: the error at its own path, or else the first one inside it, so
 * that a field made of rows still shows an issue about one of them; undefined when none.
 * @example fieldError({ 'qualifications.1.name': 'Nom ?' }, 'qualifications') // 'Nom ?'
 */
export function fieldError(errors: Readonly<Record<string, string>>, path: string): string | undefined {
  if (errors[path]) return errors[path]
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`))
  return key ? errors[key] : undefined
}

/**
 * Whether some error is about a path that is no field of the draft (`hubId`, `kind.x`…): it has no
 * field to show under, so the form lists every error in its banner rather than lose that one.
 */
export function hasErrorsOutsideDraft(
  errors: Readonly<Record<string, string>>,
  draft: ResourceDraft,
): boolean {
  const fields = Object.keys(draft)
  return Object.keys(errors).some((k) => !fields.some((field) => k === field || k.startsWith(`${field}.`)))
}
