/**
 * Inventory page model: the resource form's draft (text as typed), its conversion to the contract's
 * inputs and where the backend's field issues show, amounts in euros typed with a decimal comma,
 * expiry and inspection states, the category options, the list filter and the scanner lookup. Pure,
 * no DOM; the rules on what is valid live in the contract's schemas (the backend answers with field
 * issues), the form only checks what it must read itself (dates, amounts).
 */
export * from './draft'
export * from './amounts'
export * from './quantities'
export * from './expiry'
export * from './form'
export * from './fieldErrors'
export * from './categories'
export * from './list'
